namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>What a body field holds, which decides its valid values, its hostile values and which of those are certainly refused.</summary>
public enum FuzzFieldKind
{
    Address,
    Symbol,
    NewSymbol,

    /// <summary>The USD amount a trade or cash movement is about: zero, negative, sub-cent and absurd values are refused.</summary>
    Usd,

    /// <summary>The shares a sale is about: zero, negative and absurd values are refused.</summary>
    Shares,

    /// <summary>A number the request may ignore (a quote's other side): only JSON-level faults are certainly refused.</summary>
    LooseNumber,
    Side,
    Mode,
    Risk,
    Plan,
    OrganisationType,
    Role,
    Name,
    Text,
    Bool,
    Strategy,
    Nav,
    Parameters,
    Date,
    Hurdle,

    /// <summary>The risk-disclosure version a treasurer attests to (the world publishes <c>v1</c>).</summary>
    DisclosureVersion,
}
