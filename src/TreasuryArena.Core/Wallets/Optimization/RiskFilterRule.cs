namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// Which tokens a risk tolerance may hold: a defined Sharpe (over the T-bill) strictly above <see cref="MinSharpe"/> and
/// max drawdown strictly below <see cref="MaxDrawdown"/> (null: no drawdown limit). An undefined Sharpe never passes.
/// </summary>
public sealed record RiskFilterRule(decimal MinSharpe, decimal? MaxDrawdown)
{
    public bool Admits(TokenMetrics token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Sharpe is { } sharpe && sharpe > MinSharpe && (MaxDrawdown is not { } cap || token.MaxDrawdown < cap);
    }

    public string Describe() => MaxDrawdown is { } cap
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Sharpe > {MinSharpe:0.##} and max drawdown < {cap:P0}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Sharpe > {MinSharpe:0.##}");
}
