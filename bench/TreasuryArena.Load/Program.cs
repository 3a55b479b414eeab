using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using TreasuryArena.Load;

// An open-loop, fixed-rate HTTP load generator (wrk cannot hold a rate): request i is due at start + i / rate whether
// or not earlier ones have answered, and its latency is measured from that due time, so a stalled server shows up in
// the percentiles instead of slowing the load down (no coordinated omission). Loopback only: it refuses other hosts.
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

if (!IPAddress.TryParse(options.Url.Host, out var ip) ? options.Url.Host != "localhost" : !IPAddress.IsLoopback(ip))
{
    Console.Error.WriteLine("arena-load: only loopback targets (127.0.0.0/8, [::1], localhost) are allowed");
    return 2;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
};
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
var histogram = new LatencyHistogram();
var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, long>();
long errors = 0, dropped = 0, inFlight = 0, completed = 0;
var runId = Guid.NewGuid().ToString("N")[..12];
var body = options.Body is null ? null : Encoding.UTF8.GetBytes(options.Body);

async Task SendAsync(long i, long due)
{
    try
    {
        using var request = new HttpRequestMessage(options.Method, options.Url);
        if (options.Key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + options.Key);
        }

        if (options.Idempotency)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", runId + "-" + i.ToString(CultureInfo.InvariantCulture));
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        histogram.Record(Stopwatch.GetElapsedTime(due).Ticks / 10);
        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        Interlocked.Increment(ref completed);
    }
#pragma warning disable CA1031 // Any failure of one request is counted, never fatal to the run.
    catch (Exception)
#pragma warning restore CA1031
    {
        Interlocked.Increment(ref errors);
    }
    finally
    {
        Interlocked.Decrement(ref inFlight);
    }
}

async Task<(long Sent, double Seconds)> RunAsync(double seconds, bool record)
{
    var start = Stopwatch.GetTimestamp();
    var total = (long)(seconds * options.Rate);
    long sent = 0;
    var tasks = new List<Task>();
    while (sent < total)
    {
        var now = Stopwatch.GetTimestamp();
        while (sent < total)
        {
            var due = start + (long)(sent * (double)Stopwatch.Frequency / options.Rate);
            if (due > now)
            {
                break;
            }

            if (Interlocked.Read(ref inFlight) >= options.MaxInFlight)
            {
                Interlocked.Increment(ref dropped);
            }
            else
            {
                Interlocked.Increment(ref inFlight);
                var task = SendAsync(sent, due);
                if (record)
                {
                    tasks.Add(task);
                }
            }

            sent++;
        }

        await Task.Delay(1);
    }

    await Task.WhenAll(tasks);
    return (sent, Stopwatch.GetElapsedTime(start).TotalSeconds);
}

if (options.WarmupSeconds > 0)
{
    await RunAsync(options.WarmupSeconds, record: true);
    histogram = new LatencyHistogram();
    statuses.Clear();
    errors = dropped = completed = 0;
}

var (sentTotal, elapsed) = await RunAsync(options.DurationSeconds, record: true);
static string Ms(long us) => (us / 1000.0).ToString("0.00", CultureInfo.InvariantCulture) + " ms";
var ok = statuses.Where(kv => kv.Key is >= 200 and < 300).Sum(kv => kv.Value);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target {options.Method} {options.Url} at {options.Rate:0} req/s for {options.DurationSeconds:0.#} s (open loop, up to {options.Connections} connections)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {sentTotal}, completed {completed} in {elapsed:0.00} s = {completed / elapsed:0} req/s; 2xx {ok}; errors {errors}; dropped (over {options.MaxInFlight} in flight) {dropped}"));
Console.WriteLine("status: " + string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} × {kv.Value}")));
Console.WriteLine($"latency from due time: p50 {Ms(histogram.Percentile(50))}, p90 {Ms(histogram.Percentile(90))}, p99 {Ms(histogram.Percentile(99))}, p99.9 {Ms(histogram.Percentile(99.9))}, max {Ms(histogram.MaxMicroseconds)}");
return errors == 0 && ok == completed && dropped == 0 ? 0 : 1;
