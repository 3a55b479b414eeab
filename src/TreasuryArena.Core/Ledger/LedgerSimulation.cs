using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// Drives random but valid operations through a real <see cref="LedgerService"/>: deposits, buys, sells, withdrawals,
/// NAV moves and fee accruals, plus deliberately invalid ones (negative or over-precise amounts, unknown wallet or
/// token, zero shares) that must be refused — an accepted invalid operation throws. The command stream depends only on
/// the seed and the ledger's state at the start (it never waits for answers to choose the next command), so the same
/// seed on the same database state issues the same commands. Idempotency keys include the ledger's head sequence at
/// start, so running again on the same database adds new operations.
/// </summary>
public static class LedgerSimulation
{
    public static async Task<SimulationSummary> RunAsync(
        LedgerService ledger,
        SimulationOptions options,
        TimeProvider time,
        Action<long>? progress = null,
        Action<LedgerCommand, LedgerResult>? acknowledged = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Ops);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Wallets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Tokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InFlight, 1);

        var world = await SetUpAsync(ledger, options, cancellationToken);
        var random = new Random(options.Seed);
        var run = ledger.Head.Sequence.ToString(CultureInfo.InvariantCulture);
        var prefix = "sim-" + options.Seed.ToString(CultureInfo.InvariantCulture) + "-" + run + "-";
        var window = new Queue<Task<Timed>>();
        var latencies = new long[options.Ops];
        long accepted = 0, refused = 0, done = 0;
        var commitsBefore = ledger.Commits;
        var start = time.GetTimestamp();

        async Task Drain(Task<Timed> task)
        {
            var t = await task;
            latencies[done++] = t.Ticks;
            if (t.Result.Accepted)
            {
                if (t.MustFail)
                {
                    throw new InvalidOperationException($"the ledger accepted an invalid {t.Command.Kind}: {t.Command}");
                }

                accepted++;
                acknowledged?.Invoke(t.Command, t.Result);
            }
            else
            {
                refused++;
            }

            if (progress is not null && done % 1000 == 0)
            {
                progress(done);
            }
        }

        for (var i = 0; i < options.Ops; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (command, mustFail) = world.Next(random, prefix + i.ToString(CultureInfo.InvariantCulture));
            window.Enqueue(TimedAsync(ledger, command, mustFail, time, cancellationToken));
            if (window.Count >= options.InFlight)
            {
                await Drain(window.Dequeue());
            }
        }

        while (window.Count > 0)
        {
            await Drain(window.Dequeue());
        }

        progress?.Invoke(done);
        var elapsed = time.GetElapsedTime(start);
        var seconds = Math.Max((decimal)elapsed.Ticks / TimeSpan.TicksPerSecond, 0.000001m);
        Array.Sort(latencies, 0, (int)done);
        return new SimulationSummary(
            options.Ops,
            accepted,
            refused,
            RoundingPolicy.Nearest(seconds, 3),
            RoundingPolicy.Nearest(options.Ops / seconds, 0),
            Percentile(latencies, (int)done, 50),
            Percentile(latencies, (int)done, 99),
            ledger.Commits - commitsBefore);
    }

    private static decimal Percentile(long[] sortedTicks, int count, int p)
    {
        if (count == 0)
        {
            return 0m;
        }

        var index = Math.Min(count - 1, (int)RoundingPolicy.Ceiling(count * p / 100m) - 1);
        return RoundingPolicy.Nearest((decimal)sortedTicks[Math.Max(index, 0)] / TimeSpan.TicksPerMillisecond, 3);
    }

    private static async Task<Timed> TimedAsync(LedgerService ledger, LedgerCommand command, bool mustFail, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        var result = await ledger.ExecuteAsync(command, cancellationToken);
        return new Timed(command, result, mustFail, time.GetElapsedTime(start).Ticks);
    }

    private static async Task<World> SetUpAsync(LedgerService ledger, SimulationOptions options, CancellationToken cancellationToken)
    {
        var wallets = new List<string>();
        for (var i = 0; i < options.Wallets; i++)
        {
            var key = "sim-wallet-" + i.ToString(CultureInfo.InvariantCulture);
            var mode = (WalletMode)(i % 3);
            var risk = (RiskTolerance)(i % 3);
            var r = await ledger.CreateWalletAsync("sim-org-" + (i % 4).ToString(CultureInfo.InvariantCulture), mode, risk, key, cancellationToken);
            if (!r.Accepted)
            {
                throw new InvalidOperationException($"simulation set-up: {r.Message}");
            }

            wallets.Add(r.Address!);
        }

        var tokens = new List<SimToken>();
        var schedules = new[] { CrystallisationSchedule.Monthly, CrystallisationSchedule.Quarterly, CrystallisationSchedule.Daily, CrystallisationSchedule.Yearly };
        for (var i = 0; i < options.Tokens; i++)
        {
            var symbol = "SIM" + i.ToString(CultureInfo.InvariantCulture);
            if (ledger.GetToken(symbol) is null)
            {
                var fees = new FeeSchedule(0.01m, 0.01m, 0.10m, schedules[i % schedules.Length]);
                var created = await ledger.CreateTokenAsync(symbol, "Simulated strategy " + i.ToString(CultureInfo.InvariantCulture), "sim-" + i.ToString(CultureInfo.InvariantCulture), UnitPrice.Of(1m + i), new DateOnly(2025, 1, 1), fees, cancellationToken);
                if (!created.Accepted)
                {
                    throw new InvalidOperationException($"simulation set-up: {created.Message}");
                }
            }

            var view = ledger.GetToken(symbol)!;
            if (view.Token.Status != TokenStatus.Active && TokenLifecycle.CanTransition(view.Token.Status, TokenStatus.Active))
            {
                await ledger.ChangeTokenStatusAsync(symbol, TokenStatus.Active, cancellationToken);
            }

            tokens.Add(new SimToken(symbol, view.NavPerShare.Value, view.Token.LastFeeDate));
        }

        var cash = wallets.ToDictionary(w => w, w => ledger.GetWallet(w)!.Cash.Amount, StringComparer.Ordinal);
        var shares = new Dictionary<(string, string), decimal>();
        foreach (var w in wallets)
        {
            foreach (var t in tokens)
            {
                shares[(w, t.Symbol)] = ledger.GetHolding(w, t.Symbol)?.Shares.Value ?? 0m;
            }
        }

        return new World(wallets, tokens, cash, shares);
    }

    private sealed record Timed(LedgerCommand Command, LedgerResult Result, bool MustFail, long Ticks);

    private sealed class SimToken(string symbol, decimal nav, DateOnly feeDate)
    {
        public string Symbol { get; } = symbol;

        public decimal Nav { get; set; } = nav;

        public DateOnly FeeDate { get; set; } = feeDate;
    }

    /// <summary>A submit-time estimate of balances, used only to make most generated commands valid.</summary>
    private sealed class World(List<string> wallets, List<SimToken> tokens, Dictionary<string, decimal> cash, Dictionary<(string, string), decimal> shares)
    {
        public (LedgerCommand Command, bool MustFail) Next(Random random, string key)
        {
            var wallet = wallets[random.Next(wallets.Count)];
            var token = tokens[random.Next(tokens.Count)];
            var roll = random.Next(1000);
            if (roll < 150 || cash[wallet] < 5m)
            {
                var amount = Cents(random, 10m, 5_000m);
                cash[wallet] += amount;
                return (new LedgerCommand.Deposit(wallet, Money.Usd(amount), key), false);
            }

            if (roll < 500)
            {
                var amount = Math.Min(cash[wallet], Cents(random, 1m, 800m));
                cash[wallet] -= amount;
                shares[(wallet, token.Symbol)] += RoundingPolicy.SharesIssued(amount * 0.98m / token.Nav);
                return (new LedgerCommand.Buy(wallet, token.Symbol, Money.Usd(amount), key), false);
            }

            if (roll < 750)
            {
                var held = shares[(wallet, token.Symbol)];
                var sell = RoundingPolicy.SharesIssued(held * random.Next(5, 60) / 100m);
                if (sell <= 0m)
                {
                    sell = 0.5m;
                }

                shares[(wallet, token.Symbol)] = Math.Max(0m, held - sell);
                cash[wallet] += RoundingPolicy.CashPaidOut(sell * token.Nav * 0.98m, Currency.Usd);
                return (new LedgerCommand.Sell(wallet, token.Symbol, Shares.Of(sell), key), false);
            }

            if (roll < 800)
            {
                var amount = Math.Max(0.01m, RoundingPolicy.CashPaidOut(cash[wallet] * random.Next(1, 30) / 100m, Currency.Usd));
                cash[wallet] -= amount;
                return (new LedgerCommand.Withdraw(wallet, Money.Usd(amount), key), false);
            }

            if (roll < 870)
            {
                var move = 1m + (random.Next(-300, 301) / 10_000m);
                token.Nav = Math.Max(0.01m, RoundingPolicy.PriceDown(token.Nav * move));
                return (new LedgerCommand.Revalue(token.Symbol, UnitPrice.Of(token.Nav), key), false);
            }

            if (roll < 920)
            {
                token.FeeDate = token.FeeDate.AddDays(random.Next(1, 11));
                return (new LedgerCommand.AccrueFees(token.Symbol, token.FeeDate, key), false);
            }

            return (random.Next(6) switch
            {
                0 => new LedgerCommand.Deposit(wallet, Money.Usd(-Cents(random, 1m, 100m)), key),
                1 => new LedgerCommand.Deposit(wallet, Money.Usd(1.001m), key),
                2 => new LedgerCommand.Buy("0x0000000000000000000000000000000000000000", token.Symbol, Money.Usd(10m), key),
                3 => new LedgerCommand.Buy(wallet, "NOSUCH", Money.Usd(10m), key),
                4 => new LedgerCommand.Sell(wallet, token.Symbol, Shares.Zero, key),
                _ => new LedgerCommand.Withdraw(wallet, Money.Usd(AmountRules.MaxAmount * 10m), key),
            }, true);
        }

        private static decimal Cents(Random random, decimal min, decimal max) =>
            min + (random.NextInt64(0, (long)((max - min) * 100m) + 1) / 100m);
    }
}
