namespace TreasuryArena.Core.Tokens;

/// <summary>
/// The legal status transitions: proving → active | retired; active → paused | retired; paused → active | retired.
/// Retired is final. Buying needs <see cref="TokenStatus.Active"/>; selling is possible in every status.
/// </summary>
public static class TokenLifecycle
{
    public static bool CanTransition(TokenStatus from, TokenStatus to) => (from, to) switch
    {
        (TokenStatus.Proving, TokenStatus.Active) => true,
        (TokenStatus.Proving, TokenStatus.Retired) => true,
        (TokenStatus.Active, TokenStatus.Paused) => true,
        (TokenStatus.Active, TokenStatus.Retired) => true,
        (TokenStatus.Paused, TokenStatus.Active) => true,
        (TokenStatus.Paused, TokenStatus.Retired) => true,
        _ => false,
    };

    public static bool CanBuy(TokenStatus status) => status == TokenStatus.Active;

    public static bool CanSell(TokenStatus status) => true;
}
