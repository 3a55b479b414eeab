using System.Globalization;
using TreasuryArena.Core.Quant;
using TreasuryArena.Infrastructure.Quant;

namespace TreasuryArena.Cli.Commands.Quant;

/// <summary>Shared helpers of the quant commands: reading the price file, turning quant errors into user errors.</summary>
internal static class QuantCli
{
    public static PriceTable ReadPrices(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliException("--prices FILE.csv is required");
        }

        return Guard(() => PriceTableCsv.Read(path));
    }

    public static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (QuantException ex)
        {
            throw new CliException(ex);
        }
    }

    public static string Pct(double v) => double.IsNaN(v) ? "n/a" : v.ToString("P2", CultureInfo.InvariantCulture);

    public static string Num(double v, string format = "F4") => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A ratio under the statistics rules: "—" when undefined.</summary>
    public static string Ratio(double? v, string format = "F3") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    public static bool Fancy(bool json) => !json && !Console.IsOutputRedirected;
}
