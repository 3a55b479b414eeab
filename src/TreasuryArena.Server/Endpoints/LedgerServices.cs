using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Audit;

namespace TreasuryArena.Server.Endpoints;

/// <summary>The services the wallet and token endpoints use, bound with <c>[AsParameters]</c>.</summary>
public sealed record LedgerServices(LedgerService Ledger, TradeDesk Desk, IAuditLog Audit);
