using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The ledger's balances: the amount of every (account, unit) and, per token, how many wallets hold a positive number
/// of its shares. <see cref="Move"/> is the one place a balance changes; it refuses to take a non-contra account below
/// zero. Part of <see cref="LedgerState"/>; not thread-safe.
/// </summary>
internal sealed class LedgerBalances
{
    private readonly Dictionary<BalanceKey, decimal> balances = [];
    private readonly Dictionary<string, int> holderCounts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<BalanceKey, decimal> All => balances;

    public decimal Of(LedgerAccount account, LedgerUnit unit) => balances.GetValueOrDefault(new BalanceKey(account, unit));

    /// <summary>How many wallets hold shares of <paramref name="symbol"/>.</summary>
    public int HoldersOf(string symbol) => holderCounts.GetValueOrDefault(symbol);

    /// <summary>Adds <paramref name="delta"/> to the balance (negative: takes it away), keeping the holder counts.</summary>
    public void Move(LedgerAccount account, LedgerUnit unit, decimal delta)
    {
        var key = new BalanceKey(account, unit);
        var before = balances.GetValueOrDefault(key);
        var after = before + delta;
        if (after < 0m && !account.IsContra)
        {
            throw new DomainException(Outcome.LedgerNegativeBalance, $"{account} would hold {after} {unit}");
        }

        balances[key] = after;
        if (!unit.IsCash && account.IsWallet)
        {
            if (before <= 0m && after > 0m)
            {
                holderCounts[unit.Code] = holderCounts.GetValueOrDefault(unit.Code) + 1;
            }
            else if (before > 0m && after <= 0m)
            {
                holderCounts[unit.Code] = holderCounts.GetValueOrDefault(unit.Code) - 1;
            }
        }
    }

    /// <summary>Applies one entry: its amount leaves <c>From</c> and arrives at <c>To</c>.</summary>
    public void Apply(LedgerEntry e)
    {
        Move(e.From, e.Unit, -e.Amount);
        Move(e.To, e.Unit, e.Amount);
    }
}
