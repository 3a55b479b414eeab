namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>
/// The demo church's investment policy at work (issue 21): the IPS version the demo set, the strategies it excludes and its
/// dual-control threshold, the manual buy it refused, the sale two treasurers approved, and the board report written.
/// </summary>
internal sealed record DemoPolicy(
    long Version,
    decimal DualControlThreshold,
    IReadOnlyList<string> ExcludedStrategies,
    DemoRefusal? Refusal,
    DemoApproval? Approval,
    DemoBoardReport BoardReport);
