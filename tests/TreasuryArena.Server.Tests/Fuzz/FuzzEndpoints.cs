namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// The endpoints under fuzz: trades (quote, buy, sell), wallets (create, deposit, withdraw, mode and risk, rebalance,
/// proposals, reads, the treasurer's attestation) and admin (organisations, verification, plans, keys, token status and holds, halt and resume,
/// breakers, jobs). Path placeholders: <c>{wallet}</c>, <c>{org}</c>, <c>{key}</c>, <c>{hold}</c>, <c>{proposal}</c>,
/// <c>{token}</c>, <c>{job}</c>.
/// </summary>
public static class FuzzEndpoints
{
    private static readonly FuzzField Address = new("address", FuzzFieldKind.Address, true, 64);
    private static readonly FuzzField Symbol = new("symbol", FuzzFieldKind.Symbol, true, 16);
    private static readonly FuzzField OptionalReason = new("reason", FuzzFieldKind.Text, false, 1000);
    private static readonly FuzzField RequiredReason = new("reason", FuzzFieldKind.Text, true, 1000);

    public static IReadOnlyList<FuzzEndpoint> Trade { get; } =
    [
        new("POST", "/api/tokens/quote", FuzzAccess.Member, FuzzBodyMode.Required, 8,
            Address, Symbol, new("amount", FuzzFieldKind.LooseNumber, false), new("shares", FuzzFieldKind.LooseNumber, false), new("side", FuzzFieldKind.Side, false, 8)),
        new("POST", "/api/tokens/buy", FuzzAccess.Treasurer, FuzzBodyMode.Required, 14, Address, Symbol, new("amount", FuzzFieldKind.Usd, true)),
        new("POST", "/api/tokens/sell", FuzzAccess.Treasurer, FuzzBodyMode.Required, 10, Address, Symbol, new("shares", FuzzFieldKind.Shares, true)),
        new("GET", "/api/tokens/{token}/info", FuzzAccess.Member, FuzzBodyMode.None, 1),
    ];

    public static IReadOnlyList<FuzzEndpoint> Wallet { get; } =
    [
        new("POST", "/api/wallet/create", FuzzAccess.Treasurer, FuzzBodyMode.Required, 4,
            new("mode", FuzzFieldKind.Mode, false), new("risk_tolerance", FuzzFieldKind.Risk, false)),
        new("POST", "/api/wallet/deposit", FuzzAccess.Treasurer, FuzzBodyMode.Required, 8, Address, new("amount", FuzzFieldKind.Usd, true)),
        new("POST", "/api/wallet/withdraw", FuzzAccess.Treasurer, FuzzBodyMode.Required, 6, Address, new("amount", FuzzFieldKind.Usd, true)),
        new("POST", "/api/wallet/mode", FuzzAccess.Treasurer, FuzzBodyMode.Required, 5,
            Address, new("mode", FuzzFieldKind.Mode, true), new("risk_tolerance", FuzzFieldKind.Risk, false)),
        new("POST", "/api/wallet/rebalance", FuzzAccess.Treasurer, FuzzBodyMode.Required, 3, Address, new("dry_run", FuzzFieldKind.Bool, false)),
        new("POST", "/api/wallet/proposals/{proposal}/approve", FuzzAccess.Treasurer, FuzzBodyMode.Optional, 3, new FuzzField("note", FuzzFieldKind.Text, false, 1000)),
        new("POST", "/api/wallet/proposals/{proposal}/reject", FuzzAccess.Treasurer, FuzzBodyMode.Optional, 2, new FuzzField("note", FuzzFieldKind.Text, false, 1000)),
        new("GET", "/api/wallet/{wallet}/status", FuzzAccess.Member, FuzzBodyMode.None, 2),
        new("GET", "/api/wallet/{wallet}/transactions", FuzzAccess.Member, FuzzBodyMode.None, 1),
        new("GET", "/api/wallet/{wallet}/proposals", FuzzAccess.Member, FuzzBodyMode.None, 1),
        new("GET", "/api/wallets", FuzzAccess.Member, FuzzBodyMode.None, 1),
        new("POST", "/api/orgs/attest", FuzzAccess.Treasurer, FuzzBodyMode.Required, 2,
            new("document_version", FuzzFieldKind.DisclosureVersion, true, 200), new("signer", FuzzFieldKind.Name, true, 200)),
    ];

    public static IReadOnlyList<FuzzEndpoint> Admin { get; } =
    [
        new("POST", "/api/admin/orgs", FuzzAccess.Admin, FuzzBodyMode.Required, 4,
            new("name", FuzzFieldKind.Name, true, 200), new("type", FuzzFieldKind.OrganisationType, false), new("plan", FuzzFieldKind.Plan, false)),
        new("GET", "/api/admin/orgs/{org}", FuzzAccess.Admin, FuzzBodyMode.None, 1),
        new("GET", "/api/admin/orgs/{org}/keys", FuzzAccess.Admin, FuzzBodyMode.None, 1),
        new("POST", "/api/admin/orgs/{org}/verify", FuzzAccess.Admin, FuzzBodyMode.Required, 4,
            new("entity_type", FuzzFieldKind.Name, true, 200), new("registration", FuzzFieldKind.Name, true, 200), new("reviewer", FuzzFieldKind.Name, true, 200)),
        new("POST", "/api/admin/orgs/{org}/reject", FuzzAccess.Admin, FuzzBodyMode.Required, 2, RequiredReason),
        new("POST", "/api/admin/orgs/{org}/plan", FuzzAccess.Admin, FuzzBodyMode.Required, 2, new FuzzField("plan", FuzzFieldKind.Plan, true)),
        new("POST", "/api/admin/orgs/{org}/keys", FuzzAccess.Admin, FuzzBodyMode.Required, 4,
            new("member", FuzzFieldKind.Name, true, 200), new("role", FuzzFieldKind.Role, true)),
        new("POST", "/api/admin/keys", FuzzAccess.Admin, FuzzBodyMode.Required, 2, new("member", FuzzFieldKind.Name, true, 200), new("role", FuzzFieldKind.Role, true)),
        new("POST", "/api/admin/keys/{key}/revoke", FuzzAccess.Admin, FuzzBodyMode.None, 3),
        new("POST", "/api/admin/tokens", FuzzAccess.Admin, FuzzBodyMode.Required, 3,
            new("strategy", FuzzFieldKind.Strategy, true, 100), new("symbol", FuzzFieldKind.NewSymbol, true, 16), new("name", FuzzFieldKind.Name, false, 200),
            new("initial_nav", FuzzFieldKind.Nav, false), new("parameters", FuzzFieldKind.Parameters, false), new("inception", FuzzFieldKind.Date, false),
            new("hurdle", FuzzFieldKind.Hurdle, false, 10)),
        new("POST", "/api/admin/tokens/{token}/activate", FuzzAccess.Admin, FuzzBodyMode.Optional, 2, OptionalReason),
        new("POST", "/api/admin/tokens/{token}/pause", FuzzAccess.Admin, FuzzBodyMode.Optional, 2, OptionalReason),
        new("POST", "/api/admin/tokens/{token}/resume", FuzzAccess.Admin, FuzzBodyMode.Optional, 2, OptionalReason),
        new("POST", "/api/admin/tokens/{token}/hold", FuzzAccess.Admin, FuzzBodyMode.Optional, 2, OptionalReason),
        new("POST", "/api/admin/tokens/{token}/retire", FuzzAccess.Admin, FuzzBodyMode.Optional, 1, OptionalReason),
        new("POST", "/api/admin/holds/{hold}/release", FuzzAccess.Admin, FuzzBodyMode.None, 3),
        new("POST", "/api/admin/holds/{hold}/reject", FuzzAccess.Admin, FuzzBodyMode.Required, 2, RequiredReason),
        new("POST", "/api/admin/holds/expire", FuzzAccess.Admin, FuzzBodyMode.None, 1),
        new("POST", "/api/admin/halt", FuzzAccess.Admin, FuzzBodyMode.Required, 1, RequiredReason),
        new("POST", "/api/admin/resume", FuzzAccess.Admin, FuzzBodyMode.None, 3),
        new("GET", "/api/admin/halt", FuzzAccess.Admin, FuzzBodyMode.None, 1),
        new("GET", "/api/admin/breakers", FuzzAccess.Admin, FuzzBodyMode.None, 1),
        new("GET", "/api/admin/holds", FuzzAccess.Admin, FuzzBodyMode.None, 1),
        new("GET", "/api/admin/jobs", FuzzAccess.Admin, FuzzBodyMode.None, 1),
        new("POST", "/api/admin/jobs/{job}/run", FuzzAccess.Admin, FuzzBodyMode.None, 1),
    ];

    public static IReadOnlyList<FuzzEndpoint> All { get; } = [.. Trade, .. Wallet, .. Admin];
}
