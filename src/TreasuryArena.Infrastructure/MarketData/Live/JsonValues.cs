using System.Globalization;
using System.Text.Json;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>Reads JSON numbers that some APIs send as strings (Binance, alternative.me), with invariant culture.</summary>
internal static class JsonValues
{
    /// <summary>The number (or numeric string) in <paramref name="e"/>, or <c>null</c> when it is neither (NaN strings parse to NaN).</summary>
    public static double? Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    public static double? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var p) ? Number(p) : null;

    public static bool Has(JsonElement obj, string name) => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);
}
