using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Audit;
using TreasuryArena.Server.Hosting;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Refusals of requests without a valid key, summarised: instead of one audit entry per 401 (anyone can send those, as
/// fast as the network allows), each source (<see cref="ClientSource"/>) gets one <see cref="Action"/> entry per window
/// of <see cref="ArenaServerOptions.RefusalSummarySeconds"/>, written through the audit chain's group-commit writer at the
/// window's end and when the server has stopped. The entry's detail holds the count, how many of them were refused by the
/// API (<c>refused</c>, with their <c>statuses</c>) and how many by the anonymous rate limit (<c>rate_limited</c>), the
/// first and last refusal's instants and up to <see cref="MaxSamplePaths"/> distinct paths. Memory is bounded: past
/// <see cref="MaxSources"/> sources in one window the rest are counted under the source <c>other</c>.
/// </summary>
public sealed class RefusalAuditSummary(IAuditLog audit, TimeProvider time, IOptions<ArenaServerOptions> options, ILogger<RefusalAuditSummary> logger)
    : BackgroundService, IHostedLifecycleService
{
    public const string Action = "auth.refused.summary";
    public const int MaxSources = 10_000;
    public const int MaxSamplePaths = 5;
    private const int MaxSampleLength = 200;
    private const string OtherSources = "other";

    private readonly Lock _lock = new();
    private Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private DateTimeOffset? _windowStart; // the last flush (or the first refusal counted, before any flush)

    /// <summary>A request without a valid key was refused by the API with <paramref name="status"/> (4xx).</summary>
    public void Refused(HttpContext context, int status) => Add(context, status, rateLimited: false);

    /// <summary>A request without a valid key was refused by the anonymous rate limit (429).</summary>
    public void RateLimited(HttpContext context) => Add(context, StatusCodes.Status429TooManyRequests, rateLimited: true);

    /// <summary>Writes one entry per source counted since the last flush (none when nothing was counted); returns how many.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        Dictionary<string, Tally> tallies;
        DateTimeOffset start;
        var end = time.GetUtcNow();
        lock (_lock)
        {
            start = _windowStart ?? end;
            _windowStart = end;
            if (_tallies.Count == 0)
            {
                return 0;
            }

            (tallies, _tallies) = (_tallies, new Dictionary<string, Tally>(StringComparer.Ordinal));
        }

        var window = options.Value.RefusalSummarySeconds;
        // Appended together, so the group-commit writer links them in one transaction.
        await Task.WhenAll(tallies.Select(t => audit.AppendAsync(t.Value.ToRecord(t.Key, start, end, window), ct)));
        return tallies.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefusalSummarySeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushLoggingFailuresAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left is written by StoppedAsync, once the server no longer takes requests.
        }
    }

    /// <summary>After every hosted service (the web server included) has stopped: the last, partial window.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken) => FlushLoggingFailuresAsync();

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task FlushLoggingFailuresAsync()
    {
        try
        {
            // Not cancelled by shutdown: an audit entry is either written or logged as lost.
            await FlushAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // A failed write (database briefly away) is logged; the server keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.RefusalSummaryFailed(logger, ex);
        }
    }

    private void Add(HttpContext context, int status, bool rateLimited)
    {
        var source = ClientSource.Describe(ClientSource.Of(context));
        var path = context.Request.Path.Value ?? "";
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _windowStart ??= now;
            if (!_tallies.TryGetValue(source, out var tally))
            {
                if (_tallies.Count >= MaxSources)
                {
                    source = OtherSources;
                }

                tally = _tallies.TryGetValue(source, out var other) ? other : _tallies[source] = new Tally(now);
            }

            tally.Add(now, status, rateLimited, path);
        }
    }

    /// <summary>One source's refusals in the current window (guarded by the summary's lock).</summary>
    private sealed class Tally(DateTimeOffset first)
    {
        private readonly SortedDictionary<int, long> _statuses = [];
        private readonly List<string> _paths = [];
        private readonly DateTimeOffset _first = first;
        private long _rateLimited;
        private DateTimeOffset _last = first;

        public void Add(DateTimeOffset at, int status, bool rateLimited, string path)
        {
            _last = at;
            if (rateLimited)
            {
                _rateLimited++;
            }
            else
            {
                _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            }

            var sample = path.Length > MaxSampleLength ? path[..MaxSampleLength] : path;
            if (_paths.Count < MaxSamplePaths && !_paths.Contains(sample, StringComparer.Ordinal))
            {
                _paths.Add(sample);
            }
        }

        public AuditRecord ToRecord(string source, DateTimeOffset windowStart, DateTimeOffset windowEnd, int windowSeconds)
        {
            var refused = _statuses.Values.Sum();
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["source"] = source,
                ["count"] = refused + _rateLimited,
                ["refused"] = refused,
                ["rate_limited"] = _rateLimited,
                ["statuses"] = _statuses.ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value),
                ["first_at"] = _first,
                ["last_at"] = _last,
                ["window_start"] = windowStart,
                ["window_end"] = windowEnd,
                ["window_seconds"] = windowSeconds,
                ["sample_paths"] = _paths,
            });
            return new AuditRecord("anonymous (" + source + ")", Action, source, AuditOutcome.Refused, detail);
        }
    }
}
