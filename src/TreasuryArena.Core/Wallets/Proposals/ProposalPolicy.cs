namespace TreasuryArena.Core.Wallets.Proposals;

/// <summary>
/// When a pending proposal stops being valid (section <c>Wallets:Proposals</c>): after <see cref="Lifetime"/>, or when
/// any quoted NAV has moved by more than <see cref="MaxNavMove"/> (relative) since the proposal was made.
/// </summary>
public sealed record ProposalPolicy
{
    public const string SectionName = "Wallets:Proposals";

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(72);

    public decimal MaxNavMove { get; init; } = 0.05m;
}
