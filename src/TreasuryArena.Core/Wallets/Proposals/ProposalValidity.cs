using System.Globalization;

namespace TreasuryArena.Core.Wallets.Proposals;

/// <summary>Whether a pending proposal may still be executed, and if not, why.</summary>
public static class ProposalValidity
{
    /// <summary>
    /// Null when <paramref name="proposal"/> is pending, unexpired and every quoted NAV is within the tolerance of
    /// <paramref name="currentNavs"/>; otherwise the reason it is no longer valid.
    /// </summary>
    public static string? Check(WalletProposal proposal, DateTimeOffset now, IReadOnlyDictionary<string, decimal> currentNavs, ProposalPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(currentNavs);
        ArgumentNullException.ThrowIfNull(policy);
        if (proposal.Status != ProposalStatus.Pending)
        {
            return $"the proposal is already {proposal.Status.ToString().ToLowerInvariant()}";
        }

        if (now >= proposal.ExpiresAt)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the proposal expired at {proposal.ExpiresAt:yyyy-MM-dd HH:mm}Z");
        }

        foreach (var order in proposal.Orders)
        {
            if (!currentNavs.TryGetValue(order.Symbol, out var nav))
            {
                return $"{order.Symbol} has no current NAV";
            }

            var move = Math.Abs((nav / order.QuotedNav) - 1m);
            if (move > policy.MaxNavMove)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{order.Symbol}'s NAV moved {move:P1} since the proposal (from {order.QuotedNav:0.######} to {nav:0.######}), more than the {policy.MaxNavMove:P0} allowed");
            }
        }

        return null;
    }
}
