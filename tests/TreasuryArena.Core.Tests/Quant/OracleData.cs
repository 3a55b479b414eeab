using System.Globalization;

namespace TreasuryArena.Core.Tests.Quant;

/// <summary>Reads the reference price files under shared/data/oracles in place (never copied into the repo).</summary>
internal static class OracleData
{
    public static string Directory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "oracles");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return "/work/shared/data/oracles";
    }

    public static (DateOnly[] Dates, double[] Prices) Spy()
    {
        var lines = File.ReadAllLines(Path.Combine(Directory(), "spy_prices.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var dates = new DateOnly[lines.Length];
        var prices = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            dates[i] = DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            prices[i] = double.Parse(f[1], CultureInfo.InvariantCulture);
        }

        return (dates, prices);
    }

    /// <summary>The 20-stock wide file: tickers, dates and a price matrix with NaN for missing values.</summary>
    public static (string[] Tickers, DateOnly[] Dates, double[][] Columns) Stocks()
    {
        var lines = File.ReadAllLines(Path.Combine(Directory(), "stock_prices.csv")).Where(l => l.Length > 0).ToArray();
        var tickers = lines[0].Split(',').Skip(1).ToArray();
        var n = lines.Length - 1;
        var dates = new DateOnly[n];
        var cols = tickers.Select(_ => new double[n]).ToArray();
        for (var i = 0; i < n; i++)
        {
            var f = lines[i + 1].Split(',');
            dates[i] = DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var j = 0; j < tickers.Length; j++)
            {
                cols[j][i] = f[j + 1].Length == 0 ? double.NaN : double.Parse(f[j + 1], CultureInfo.InvariantCulture);
            }
        }

        return (tickers, dates, cols);
    }
}
