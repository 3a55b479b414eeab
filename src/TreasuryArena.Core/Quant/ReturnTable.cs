using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Period returns, one column per asset, <see cref="double.NaN"/> where a return is unknown. Row t is dated by the
/// later of its two prices. Built by <see cref="PriceTable.ToReturns"/> or directly from aligned return columns.
/// </summary>
public sealed class ReturnTable
{
    private readonly string[] _assets;
    private readonly DateOnly[] _dates;
    private readonly double[][] _columns;

    public ReturnTable(IReadOnlyList<string> assets, IReadOnlyList<DateOnly> dates, IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(columns);
        if (assets.Count != columns.Count)
        {
            throw new ArgumentException($"{assets.Count} assets but {columns.Count} columns", nameof(columns));
        }

        foreach (var c in columns)
        {
            if (c.Length != dates.Count)
            {
                throw new ArgumentException($"a column has {c.Length} values for {dates.Count} dates", nameof(columns));
            }
        }

        _assets = [.. assets];
        _dates = [.. dates];
        _columns = [.. columns];
        for (var j = 0; j < _columns.Length; j++)
        {
            var valid = 0;
            foreach (var v in _columns[j])
            {
                if (!double.IsNaN(v))
                {
                    if (!double.IsFinite(v))
                    {
                        throw new QuantException(Outcome.InvalidReturn, $"{_assets[j]}: a return is not finite");
                    }

                    valid++;
                }
            }

            if (valid < 1)
            {
                throw new QuantException(Outcome.TooFewPoints, $"{_assets[j]} has no return");
            }
        }
    }

    public IReadOnlyList<string> Assets => _assets;

    public IReadOnlyList<DateOnly> Dates => _dates;

    public int AssetCount => _assets.Length;

    public int RowCount => _dates.Length;

    public ReadOnlySpan<double> Column(int asset) => _columns[asset];

    internal double[][] Columns => _columns;

    /// <summary>True when no return is missing.</summary>
    public bool IsComplete => _columns.All(c => !c.Any(double.IsNaN));

    /// <summary>Number of known returns of each asset.</summary>
    public int[] Counts() => _columns.Select(c => c.Count(v => !double.IsNaN(v))).ToArray();
}
