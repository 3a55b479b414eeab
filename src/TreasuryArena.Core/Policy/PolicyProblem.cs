namespace TreasuryArena.Core.Policy;

/// <summary>One clause of a policy that is out of range or contradicts another; <see cref="Line"/> is its line in the file it came from, when known.</summary>
public sealed record PolicyProblem(string Clause, string Message, int? Line);
