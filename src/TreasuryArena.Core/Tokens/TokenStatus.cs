namespace TreasuryArena.Core.Tokens;

/// <summary>A strategy token's lifecycle: proving → active → paused → retired (see <see cref="TokenLifecycle"/>).</summary>
public enum TokenStatus
{
    /// <summary>Building a track record; not open to investors.</summary>
    Proving,

    /// <summary>Open: buys and sells.</summary>
    Active,

    /// <summary>Stopped by an operator or a breaker: no buys, sells still allowed.</summary>
    Paused,

    /// <summary>Closed for good: no buys; holders can still sell until nothing is left.</summary>
    Retired,
}
