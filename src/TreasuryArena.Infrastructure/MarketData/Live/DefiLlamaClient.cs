using System.Text.Json;
using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>DefiLlama yields <c>/pools</c> (API-FORMATS §7): APYs in percent, converted to fractions here.</summary>
public sealed class DefiLlamaClient(HttpClient http, MarketDataQuality quality)
{
    public const string Source = "defillama";

    /// <summary>The pools of the given projects with at least <paramref name="minTvlUsd"/> TVL.</summary>
    public async Task<IReadOnlyList<PoolYield>> GetPoolsAsync(IReadOnlyCollection<string> projects, double minTvlUsd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projects);
        using var doc = await SourceRequest.GetJsonAsync(http, Source, "pools", quality, ct);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw SourceRequest.Schema(quality, Source, "no `data` array");
        }

        var wanted = new HashSet<string>(projects, StringComparer.OrdinalIgnoreCase);
        var pools = new List<PoolYield>();
        foreach (var p in data.EnumerateArray())
        {
            string? Text(string name) => p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var project = Text("project");
            if (project is null || (wanted.Count > 0 && !wanted.Contains(project)))
            {
                continue;
            }

            var id = Text("pool");
            var chain = Text("chain");
            var symbol = Text("symbol");
            var tvl = JsonValues.Property(p, "tvlUsd");
            var apy = JsonValues.Property(p, "apy");
            if (id is null || chain is null || symbol is null || tvl is null || apy is null)
            {
                quality.Reject(Source, $"pool {id ?? "?"}", "missing field");
                continue;
            }

            if (!double.IsFinite(tvl.Value) || tvl < 0 || !double.IsFinite(apy.Value) || apy < -100)
            {
                quality.Reject(Source, $"pool {id}", $"tvlUsd {tvl} / apy {apy} out of range");
                continue;
            }

            if (tvl < minTvlUsd)
            {
                continue;
            }

            var stable = p.TryGetProperty("stablecoin", out var st) && st.ValueKind == JsonValueKind.True;
            pools.Add(new PoolYield(id, chain, project, symbol, tvl.Value, apy.Value / 100, JsonValues.Property(p, "apyBase") / 100, JsonValues.Property(p, "apyReward") / 100, stable));
        }

        quality.Success(Source);
        return pools;
    }
}
