using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/wallet/rebalance</c>: run the optimizer for one wallet now (per its mode); <see cref="DryRun"/> only plans.</summary>
public sealed record RebalanceRequest([property: Required, StringLength(64)] string Address, bool DryRun = false);
