using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// Replays every stored entry and checks: sequence numbers run 1, 2, 3… without gaps or repeats; each entry's
/// previous-hash is the stored hash of the entry before it and its own hash recomputes (so a changed, removed or
/// reordered row is found); each operation's entries are contiguous and shaped as its kind requires (a sale without
/// cash, of shares worth less than a cent, must close the holding); amounts are
/// positive and fit their unit's scale; trade fees equal the formula of the token's fee schedule; no non-contra
/// balance ever goes negative; every unit sums to zero over all accounts (double entry); each token's supply equals the
/// shares its holders own; and the materialised balances table equals the balances recomputed from the entries.
/// Treasury operations: their shape, every fill's notional within a cent plus one unit step of units × the price in its
/// memo, the units on the right accounts, treasury cash and positions never negative, and a position holding no units
/// carries no value. Entries hash in their canonical form (1 without a valuation date, 2 with one; see
/// <see cref="EntryHasher"/>), and once an entry carries a valuation date every later one must.
/// </summary>
public static class LedgerVerifier
{
    private const int MaxListed = 1000;

    public static async Task<LedgerVerification> VerifyAsync(ILedgerJournal journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var snapshot = await journal.LoadAsync(cancellationToken);
        var tokens = snapshot.Tokens.ToDictionary(t => t.Symbol, StringComparer.Ordinal);
        var run = new Run(tokens);

        // The head row first: entries appended while this runs only extend past it.
        var head = await journal.ReadHeadAsync(cancellationToken);
        string? hashAtHead = head.Sequence == 0 ? EntryHasher.Genesis : null;
        await foreach (var e in journal.ReadEntriesAsync(cancellationToken))
        {
            run.Add(e);
            if (e.Sequence == head.Sequence)
            {
                hashAtHead = e.Hash;
            }
        }

        if (hashAtHead != head.Hash)
        {
            run.Report("head", "head", $"the journal's head row (entry {head.Sequence}, {head.Hash}) is not an entry of the chain");
        }

        run.Finish(await journal.ReadBalancesAsync(cancellationToken));
        return new LedgerVerification(run.Count == 0, run.Entries, run.Violations, run.Count);
    }

    private sealed class Run(Dictionary<string, StrategyToken> tokens)
    {
        private readonly Dictionary<BalanceKey, decimal> balances = [];
        private readonly HashSet<long> closedOperations = [];
        private readonly List<LedgerEntry> group = [];
        private long expectedSequence = 1;
        private string previousHash = EntryHasher.Genesis;
        private bool seenValuationDate;

        public List<LedgerViolation> Violations { get; } = [];

        public long Count { get; private set; }

        public long Entries { get; private set; }

        public void Add(LedgerEntry e)
        {
            Entries++;
            var where = "entry " + e.Sequence.ToString(CultureInfo.InvariantCulture);
            if (e.Sequence != expectedSequence)
            {
                Report("sequence", where, $"expected sequence {expectedSequence}, found {e.Sequence} (a row is missing, duplicated or out of order)");
            }

            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                Report("chain", where, "previous-hash does not match the hash of the entry before it");
            }

            string recomputed;
            try
            {
                recomputed = EntryHasher.Compute(e);
            }
            catch (DomainException ex)
            {
                recomputed = "";
                Report("amount", where, ex.Message);
            }

            if (!string.Equals(recomputed, e.Hash, StringComparison.Ordinal))
            {
                Report("hash", where, "stored hash does not match the entry's content");
            }

            // Entries carry valuation dates from migration 0430 on: one without, after one with, was stripped of it.
            if (e.ValuationDate is null && seenValuationDate)
            {
                Report("valuation_date", where, "entry has no valuation date although an earlier entry has one");
            }

            seenValuationDate |= e.ValuationDate is not null;

            expectedSequence = e.Sequence + 1;
            previousHash = e.Hash;

            if (group.Count > 0 && group[0].OperationId != e.OperationId)
            {
                CloseGroup();
            }

            if (group.Count == 0 && closedOperations.Contains(e.OperationId))
            {
                Report("operation", where, $"operation {e.OperationId} is split across non-contiguous entries");
            }

            group.Add(e);
        }

        public void Finish(IReadOnlyDictionary<BalanceKey, decimal> stored)
        {
            if (group.Count > 0)
            {
                CloseGroup();
            }

            foreach (var unit in balances.Keys.Select(k => k.Unit).Distinct())
            {
                var sum = balances.Where(kv => kv.Key.Unit == unit).Sum(kv => kv.Value);
                if (sum != 0m)
                {
                    Report("conservation", "unit " + unit.Code, $"balances of {unit.Code} sum to {sum}, not 0");
                }

                if (unit.IsShares)
                {
                    var supply = -balances.GetValueOrDefault(new BalanceKey(LedgerAccount.Issuance(unit.Code), unit));
                    var held = balances.Where(kv => kv.Key.Unit == unit && kv.Key.Account.IsWallet).Sum(kv => kv.Value);
                    if (supply != held)
                    {
                        Report("supply", "token " + unit.Code, $"supply {supply} but holders own {held}");
                    }
                }
            }

            foreach (var (key, units) in balances.Where(kv => kv.Key.Unit.IsAsset && kv.Key.Account.IsTreasury))
            {
                var value = balances.GetValueOrDefault(new BalanceKey(key.Account, LedgerUnit.Usd));
                if (units == 0m && value != 0m)
                {
                    Report("treasury", key.Account.Id, $"holds no {key.Unit.AssetCode} but carries {value} USD");
                }
            }

            foreach (var key in balances.Keys.Union(stored.Keys))
            {
                var mine = balances.GetValueOrDefault(key);
                var theirs = stored.GetValueOrDefault(key);
                if (mine != theirs)
                {
                    Report("balance", $"{key.Account.Id} {key.Unit.Code}", $"entries give {mine}, balances table says {theirs}");
                }
            }
        }

        private void CloseGroup()
        {
            var first = group[0];
            var where = $"operation {first.OperationId} (entries {first.Sequence}-{group[^1].Sequence})";
            closedOperations.Add(first.OperationId);
            CheckShape(group, where);
            foreach (var e in group)
            {
                balances[new BalanceKey(e.From, e.Unit)] = balances.GetValueOrDefault(new BalanceKey(e.From, e.Unit)) - e.Amount;
                balances[new BalanceKey(e.To, e.Unit)] = balances.GetValueOrDefault(new BalanceKey(e.To, e.Unit)) + e.Amount;
            }

            foreach (var e in group)
            {
                var after = balances[new BalanceKey(e.From, e.Unit)];
                if (after < 0m && !e.From.IsContra)
                {
                    Report("negative_balance", where, $"{e.From.Id} holds {after} {e.Unit.Code}");
                }
            }

            if (first.Operation == LedgerOperationKind.Sell && group is [{ Kind: EntryKind.Burn } burn] && balances[new BalanceKey(burn.From, burn.Unit)] != 0m)
            {
                Report("operation", where, $"a sale paying no cash must close the holding; {burn.From.Id} still holds {balances[new BalanceKey(burn.From, burn.Unit)]} {burn.Unit.Code}");
            }

            group.Clear();
        }

        private void CheckShape(List<LedgerEntry> legs, string where)
        {
            var op = legs[0].Operation;
            foreach (var e in legs)
            {
                if (e.Operation != op || !string.Equals(e.IdempotencyKey, legs[0].IdempotencyKey, StringComparison.Ordinal))
                {
                    Report("operation", where, "entries of one operation disagree on its kind or key");
                }

                if (e.Amount <= 0m || !RoundingPolicy.FitsScale(e.Amount, e.Unit.Scale))
                {
                    Report("amount", where, $"entry {e.Sequence} amount {e.Amount} is not positive at scale {e.Unit.Scale}");
                }

                if (e.From == e.To)
                {
                    Report("amount", where, $"entry {e.Sequence} moves from an account to itself");
                }

                var unitOk = e.Kind switch
                {
                    EntryKind.Mint or EntryKind.Burn => e.Unit.IsShares,
                    EntryKind.Receive or EntryKind.Deliver => e.Unit.IsAsset,
                    _ => e.Unit.IsCash,
                };
                if (!unitOk)
                {
                    Report("unit", where, $"entry {e.Sequence} of kind {e.Kind} moves {e.Unit.Code}");
                }
            }

            var kinds = legs.Select(l => l.Kind).ToList();
            var expected = op switch
            {
                LedgerOperationKind.Deposit => kinds is [EntryKind.Deposit],
                LedgerOperationKind.Withdraw => kinds is [EntryKind.Withdraw],
                LedgerOperationKind.Buy => kinds is [EntryKind.Buy, EntryKind.Mint] or [EntryKind.Buy, EntryKind.Fee, EntryKind.Mint],
                LedgerOperationKind.Sell => kinds is [EntryKind.Burn] or [EntryKind.Burn, EntryKind.Sell] or [EntryKind.Burn, EntryKind.Sell, EntryKind.Fee],
                LedgerOperationKind.Revalue => kinds is [EntryKind.Revalue],
                LedgerOperationKind.AccrueFees => kinds.Count is 1 or 2 && kinds.All(k => k == EntryKind.Fee),
                LedgerOperationKind.TreasuryDeposit => kinds is [EntryKind.Deposit] && legs[0].To.IsTreasury,
                LedgerOperationKind.TreasuryTrade => TreasuryTradeShape(kinds),
                LedgerOperationKind.TreasuryRevalue => kinds is [EntryKind.Mark],
                _ => false,
            };
            if (!expected)
            {
                Report("operation", where, $"{op} cannot consist of [{string.Join(", ", kinds)}]");
                return;
            }

            if (op is LedgerOperationKind.Buy or LedgerOperationKind.Sell)
            {
                CheckTradeFee(legs, op, where);
            }

            if (op == LedgerOperationKind.TreasuryTrade)
            {
                CheckTreasuryTrade(legs, where);
            }
        }

        /// <summary>[Mark] Purchase Receive [Fee…] for a buy; [Mark] Deliver Proceeds [Fee…] [Mark] for a sale.</summary>
        private static bool TreasuryTradeShape(List<EntryKind> kinds)
        {
            var core = kinds.SkipWhile((k, i) => i == 0 && k == EntryKind.Mark).ToList();
            if (core.Count > 0 && core[^1] == EntryKind.Mark && core.Count > 2 && core[0] == EntryKind.Deliver)
            {
                core.RemoveAt(core.Count - 1);
            }

            var fees = core.Skip(2).ToList();
            return core.Count >= 2 && fees.Count <= 2 && fees.All(k => k == EntryKind.Fee) &&
                   ((core[0] == EntryKind.Purchase && core[1] == EntryKind.Receive) || (core[0] == EntryKind.Deliver && core[1] == EntryKind.Proceeds));
        }

        private void CheckTreasuryTrade(List<LedgerEntry> legs, string where)
        {
            var unitLeg = legs.First(l => l.Kind is EntryKind.Receive or EntryKind.Deliver);
            var cashLeg = legs.First(l => l.Kind is EntryKind.Purchase or EntryKind.Proceeds);
            var position = unitLeg.Kind == EntryKind.Receive ? unitLeg.To : unitLeg.From;
            var venue = unitLeg.Kind == EntryKind.Receive ? unitLeg.From : unitLeg.To;
            var positionOk = position.IsTreasury && position.Id.EndsWith(":" + unitLeg.Unit.AssetCode, StringComparison.Ordinal) &&
                             venue.Id.StartsWith("venue:", StringComparison.Ordinal) &&
                             (unitLeg.Kind == EntryKind.Receive ? cashLeg.To : cashLeg.From) == position;
            if (!positionOk)
            {
                Report("treasury", where, $"the fill moves {unitLeg.Unit.Code} between {unitLeg.From.Id} and {unitLeg.To.Id}, cash between {cashLeg.From.Id} and {cashLeg.To.Id}");
            }

            if (TreasuryNames.ParsePrice(unitLeg.Memo) is not { } price)
            {
                Report("treasury", where, $"entry {unitLeg.Sequence} carries no fill price");
                return;
            }

            if (Math.Abs(cashLeg.Amount - (unitLeg.Amount * price)) > TreasuryNames.NotionalTolerance(price))
            {
                Report("treasury", where, $"notional {cashLeg.Amount} is not {unitLeg.Amount} × {price}");
            }
        }

        private void CheckTradeFee(List<LedgerEntry> legs, LedgerOperationKind op, string where)
        {
            var shareLeg = legs.First(l => l.Kind is EntryKind.Mint or EntryKind.Burn);
            if (!tokens.TryGetValue(shareLeg.Unit.Code, out var token))
            {
                Report("token", where, $"unknown token {shareLeg.Unit.Code}");
                return;
            }

            var fee = legs.Where(l => l.Kind == EntryKind.Fee).Sum(l => l.Amount);
            var gross = op == LedgerOperationKind.Buy
                ? legs.Where(l => l.Kind is EntryKind.Buy or EntryKind.Fee).Sum(l => l.Amount)
                : legs.Where(l => l.Kind == EntryKind.Sell).Sum(l => l.Amount);
            var due = FeeCalculator.TradeFee(Money.Usd(gross), token.Fees).Amount;
            if (fee != due)
            {
                Report("fee", where, $"trade fee {fee} but the schedule gives {due} on {gross}");
            }
        }

        public void Report(string what, string where, string detail)
        {
            Count++;
            if (Violations.Count < MaxListed)
            {
                Violations.Add(new LedgerViolation(what, where, detail));
            }
        }
    }
}
