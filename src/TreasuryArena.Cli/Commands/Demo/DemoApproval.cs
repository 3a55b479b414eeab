namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>
/// A two-person approval: the request (<see cref="Requested"/> is <c>awaiting_second_approval</c>), who asked, who gave the
/// second approval, and the final status (<c>executed</c>) with the execution's result.
/// </summary>
internal sealed record DemoApproval(Guid Id, string Summary, string Requested, string RequestedBy, string ApprovedBy, string Status, string Result);
