using System.Globalization;
using System.Text;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.MarketData.Live;

namespace TreasuryArena.Infrastructure.MarketData.Fetch;

/// <summary>
/// Builds the shipped history layout (the files <see cref="HistoryLoader"/> reads) from the live sources. Each file is
/// fetched independently: one source failing never stops the others, and each outcome says what was written or why
/// not. Files are written to a temporary name and moved into place, so a failure never leaves a half-written file.
/// </summary>
public sealed class HistoryFetcher(CoinGeckoClient coinGecko, AlternativeMeClient alternativeMe, BinanceClient binance, GlassnodeClient glassnode, FredClient fred)
{
    /// <summary>Binance's BTCUSDT perpetual started funding on 2019-09-10.</summary>
    public static readonly DateTimeOffset BinanceFundingStart = new(2019, 9, 10, 0, 0, 0, TimeSpan.Zero);

    public async Task<IReadOnlyList<FetchOutcome>> FetchAsync(string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var jobs = new (string File, string Source, Func<CancellationToken, Task<string[]>> Rows)[]
        {
            (HistoryLoader.BtcFile, CoinGeckoClient.Source, async c => Ohlcv(await coinGecko.GetDailyCloses("bitcoin", "max", c))),
            (HistoryLoader.EthYahooFile, CoinGeckoClient.Source, async c => Ohlcv(await coinGecko.GetDailyCloses("ethereum", "max", c))),
            (HistoryLoader.MvrvZFile, GlassnodeClient.Source, async c => Values(await glassnode.GetDailyAsync(GlassnodeClient.MvrvZScore, null, c))),
            (HistoryLoader.MvrvRatioFile, GlassnodeClient.Source, async c => Values(await glassnode.GetDailyAsync(GlassnodeClient.Mvrv, null, c))),
            (HistoryLoader.FearGreedFile, AlternativeMeClient.Source, async c => Values([.. (await alternativeMe.GetFearGreedAsync(0, c)).Select(p => new DailyPoint(p.Date, p.Value))])),
            (HistoryLoader.FundingBinanceFile, BinanceClient.Source, async c => Values(await FundingDailyMeans(c))),
            (HistoryLoader.TBillFile, FredClient.Source, async c => Values(await fred.GetSeriesAsync("DTB3", c))),
        };

        var outcomes = new List<FetchOutcome>();
        foreach (var (file, source, rows) in jobs)
        {
            try
            {
                var lines = await rows(ct);
                if (lines.Length <= 1)
                {
                    outcomes.Add(new FetchOutcome(file, source, false, 0, null, null, "the source returned no usable rows"));
                    continue;
                }

                var path = Path.Combine(directory, file);
                var temp = path + ".part";
                await File.WriteAllTextAsync(temp, string.Join('\n', lines) + "\n", Encoding.UTF8, ct);
                File.Move(temp, path, overwrite: true);
                outcomes.Add(new FetchOutcome(file, source, true, lines.Length - 1, FirstDate(lines[1]), FirstDate(lines[^1]), null));
            }
            catch (MarketDataException ex)
            {
                outcomes.Add(new FetchOutcome(file, source, false, 0, null, null, ex.Message));
            }
            catch (IOException ex)
            {
                outcomes.Add(new FetchOutcome(file, source, false, 0, null, null, $"could not write: {ex.Message}"));
            }
            catch (UnauthorizedAccessException ex)
            {
                outcomes.Add(new FetchOutcome(file, source, false, 0, null, null, $"could not write: {ex.Message}"));
            }
        }

        return outcomes;
    }

    /// <summary>All BTCUSDT settlements since the contract's start (pages of 1000), averaged per UTC day.</summary>
    private async Task<IReadOnlyList<DailyPoint>> FundingDailyMeans(CancellationToken ct)
    {
        var all = new List<FundingRatePoint>();
        var start = BinanceFundingStart;
        for (var page = 0; page < 100; page++)
        {
            var batch = await binance.GetFundingRatesAsync("BTCUSDT", start, 1000, ct);
            all.AddRange(batch);
            if (batch.Count < 1000)
            {
                break;
            }

            start = batch[^1].Time.AddMilliseconds(1);
        }

        return
        [
            .. all.GroupBy(p => DateOnly.FromDateTime(p.Time.UtcDateTime))
                .OrderBy(g => g.Key)
                .Select(g => new DailyPoint(g.Key, g.Average(p => p.Rate))),
        ];
    }

    private static string[] Ohlcv(IReadOnlyList<DailyPoint> points) =>
    [
        "date,open,high,low,close,volume",
        .. points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Date:yyyy-MM-dd},,,,{p.Value:R},{(p.Volume is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "")}")),
    ];

    private static string[] Values(IReadOnlyList<DailyPoint> points) =>
    [
        "date,value",
        .. points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Date:yyyy-MM-dd},{p.Value:R}")),
    ];

    private static DateOnly? FirstDate(string line) =>
        DateOnly.TryParseExact(line.Split(',')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
