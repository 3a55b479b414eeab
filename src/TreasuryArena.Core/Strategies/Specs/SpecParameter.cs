namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>A tunable number of a spec: default and range; referenced elsewhere as <c>$name</c>.</summary>
public sealed record SpecParameter(string Name, string Description, double Default, double Min, double Max, bool WholeNumber, int Line);
