using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The treasury kept in the ledger: cash, units, carrying values and cost basis come from the organisation's treasury
/// accounts (<see cref="LedgerService.GetTreasury"/>); only inception, last execution date and peak value are kept
/// beside it (<see cref="ITreasuryStateStore"/>). A save posts, in order: the capital (<c>TreasuryDeposit</c>, once,
/// for a new treasury), one <c>TreasuryTrade</c> per fill, then a <c>TreasuryRevalue</c> of every position at the
/// day's marks (yield accrual for yield positions, mark-to-market for BTC/ETH). Idempotency keys are
/// <c>treasury:{org}:capital</c> and <c>treasury:{org}:{n}:fill:{i}</c> / <c>treasury:{org}:{n}:mark:{ASSET}</c>, n being
/// the treasury's last ledger operation before the save, so an exact retry repeats nothing. Afterwards the ledger's
/// cash and units must equal the paper venue's portfolio; a difference is a bug and throws.
/// </summary>
public sealed class LedgerTreasuryStore(LedgerService ledger, ITreasuryStateStore stateStore, TreasuryOptions options) : ITreasuryStore
{
    private readonly string _organisation = TreasuryNames.Name(options.Organisation) ?? throw new ArgumentException("Treasury:Organisation is not a valid name");

    public async Task<TreasuryPortfolio?> LoadAsync(CancellationToken cancellationToken)
    {
        var view = ledger.GetTreasury(_organisation);
        var state = await stateStore.LoadAsync(cancellationToken);
        if (view is null || state is null)
        {
            return null;
        }

        var positions = view.Positions
            .Where(p => p.Units > 0m)
            .Select(p => new TreasuryPosition(p.Asset, p.Venue, TreasuryAssets.IsTactical(p.Asset) ? AssetClass.Volatile : AssetClass.Yield, p.Units, p.CostBasis))
            .ToList();
        return new TreasuryPortfolio(state.Inception, state.UpdatedOn, view.Cash, positions, state.PeakValue);
    }

    public async Task SaveAsync(TreasuryPortfolio portfolio, IReadOnlyList<Fill> fills, TreasuryMarks marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(marks);

        // The state first: a crash after it leaves the ledger (the holdings) as they were, or partly posted but consistent.
        await stateStore.SaveAsync(new TreasuryState(portfolio.Inception, portfolio.UpdatedOn, RoundingPolicy.CentsDown(portfolio.PeakValue)), cancellationToken);
        var org = _organisation;
        var view = ledger.GetTreasury(org);
        if (view is null)
        {
            Check(await ledger.TreasuryDepositAsync(org, Money.Usd(options.InitialCapital), $"treasury:{org}:capital", cancellationToken), "the capital");
        }

        var n = view?.LastOperationId ?? 0;
        for (var i = 0; i < fills.Count; i++)
        {
            var f = fills[i];
            var trade = new LedgerCommand.TreasuryTrade(
                org, f.Asset, f.Venue, f.Side, f.Quantity, f.MarkPrice,
                Money.Usd(f.Notional), Money.Usd(f.Fee), Money.Usd(f.Slippage), $"treasury:{org}:{n}:fill:{i}", !TreasuryAssets.IsTactical(f.Asset));
            Check(await ledger.TreasuryTradeAsync(trade, cancellationToken), $"fill {i} ({f.Side} {f.Quantity} {f.Asset})");
        }

        foreach (var p in ledger.GetTreasury(org)!.Positions.Where(p => p.Units > 0m))
        {
            Check(
                await ledger.TreasuryRevalueAsync(org, p.Asset, marks.PriceOf(p.Asset), !TreasuryAssets.IsTactical(p.Asset), $"treasury:{org}:{n}:mark:{p.Asset}", cancellationToken),
                $"the mark of {p.Asset}");
        }

        var after = ledger.GetTreasury(org)!;
        var expected = portfolio.Positions.Where(p => p.Quantity > 0m).ToDictionary(p => TreasuryNames.Asset(p.Asset) ?? p.Asset, p => p.Quantity, StringComparer.Ordinal);
        var actual = after.Positions.Where(p => p.Units > 0m).ToDictionary(p => p.Asset, p => p.Units, StringComparer.Ordinal);
        if (after.Cash != portfolio.Cash || expected.Count != actual.Count || expected.Any(kv => actual.GetValueOrDefault(kv.Key) != kv.Value))
        {
            throw new InvalidOperationException($"the ledger's treasury ({after.Cash} USD, {actual.Count} positions) differs from the paper venue's ({portfolio.Cash} USD, {expected.Count} positions)");
        }
    }

    public async Task<TreasuryMemory> LoadMemoryAsync(CancellationToken cancellationToken) =>
        await stateStore.LoadMemoryAsync(cancellationToken) ?? TreasuryMemory.Empty;

    public Task SaveMemoryAsync(TreasuryMemory memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return stateStore.SaveMemoryAsync(memory, cancellationToken);
    }

    private static void Check(LedgerResult result, string what)
    {
        if (!result.Accepted)
        {
            throw new InvalidOperationException($"the ledger refused the treasury's {what}: {result.Message}");
        }
    }
}
