using System.Globalization;
using System.Text;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

/// <summary>Response bodies in the documented shapes of shared/API-FORMATS.md.</summary>
internal static class Fixtures
{
    public const string SimplePrice =
        """{"bitcoin":{"usd":92345.67,"usd_24h_change":-2.5,"last_updated_at":1712058900},"ethereum":{"usd":1765.44,"usd_24h_change":1.25,"last_updated_at":1712058900}}""";

    public const string FearGreed =
        """{"name":"Fear and Greed Index","data":[{"value":"47","value_classification":"Neutral","timestamp":"1712016000","time_until_update":"73129"},{"value":"33","value_classification":"Fear","timestamp":"1711929600"}],"metadata":{"error":null}}""";

    public const string FundingRates =
        """[{"symbol":"BTCUSDT","fundingRate":"-0.03750000","fundingTime":1570608000000,"markPrice":"34287.54619963"},{"symbol":"BTCUSDT","fundingRate":"0.00010000","fundingTime":1570636800000,"markPrice":""}]""";

    public const string PremiumIndex =
        """{"symbol":"BTCUSDT","markPrice":"11793.63104562","indexPrice":"11781.80495970","estimatedSettlePrice":"11781.16138815","lastFundingRate":"0.00038246","interestRate":"0.00010000","nextFundingTime":1712044800000,"time":1712059200000}""";

    public const string Glassnode = """[{"t":1605484800,"v":2.58178483629498},{"t":1605571200,"v":null},{"t":1605657600,"v":2.76037727143759}]""";

    public const string Pools =
        """{"status":"success","data":[{"pool":"p1","chain":"Ethereum","project":"aave-v3","symbol":"USDC","apy":5,"apyBase":4,"apyReward":1,"tvlUsd":100000000,"ilRisk":"no","stablecoin":true},{"pool":"p2","chain":"Base","project":"some-farm","symbol":"XYZ","apy":900,"tvlUsd":50000000}]}""";

    /// <summary>A CoinGecko market_chart of daily points at 00:00 UTC for the <paramref name="days"/> days up to <paramref name="last"/>, plus an intraday point.</summary>
    public static string MarketChart(DateOnly last, int days, Func<int, double> price)
    {
        var sb = new StringBuilder("{\"prices\":[");
        var vols = new StringBuilder("],\"total_volumes\":[");
        for (var i = 0; i < days; i++)
        {
            var ms = new DateTimeOffset(last.AddDays(i - days + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
            var sep = i == 0 ? "" : ",";
            sb.Append(CultureInfo.InvariantCulture, $"{sep}[{ms},{price(i)}]");
            vols.Append(CultureInfo.InvariantCulture, $"{sep}[{ms},1000000]");
        }

        var intraday = new DateTimeOffset(last.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero).ToUnixTimeMilliseconds();
        sb.Append(CultureInfo.InvariantCulture, $",[{intraday},{price(days - 1)}]");
        return sb.Append(vols).Append("],\"market_caps\":[]}").ToString();
    }
}
