using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Hosting;

/// <summary>
/// The web host's keys of section <c>Arena</c>, validated at start-up. The keys every host shares (database, data
/// directory, monitoring, wallet breaker, idempotency window) are <see cref="Infrastructure.Configuration.ArenaOptions"/>.
/// </summary>
public sealed class ArenaServerOptions
{
    public const string SectionName = "Arena";

    /// <summary>Registered as the first admin key at first start when no admin key exists (at least 24 characters).</summary>
    [MinLength(24)]
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Largest accepted request body in bytes (default 256 KiB); larger bodies get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Requests per second allowed per API key (token bucket refilled every second).</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 100;

    /// <summary>Bucket size: how many requests a key may burst above the steady rate.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 200;

    /// <summary>
    /// Requests per second allowed per client address (IPv6: per /64) for requests without a valid key: no key, a bad
    /// or revoked key, sign-in attempts, <c>/health</c>. Checked before authentication runs, so a flood of made-up keys
    /// costs neither key lookups nor audit rows once the address ran dry.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnonymousRateLimitPerSecond { get; set; } = 10;

    /// <summary>Bucket size of <see cref="AnonymousRateLimitPerSecond"/>: how many unauthenticated requests an address may burst.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousRateLimitBurst { get; set; } = 50;

    /// <summary>
    /// Refusals of requests without a valid key (401s, anonymous 4xx, 429s) are counted per client address and written as
    /// one <c>auth.refused.summary</c> audit entry per address per window of this many seconds (and at shutdown).
    /// </summary>
    [Range(1, 86_400)]
    public int RefusalSummarySeconds { get; set; } = 60;

    /// <summary>
    /// SQLite: how often the server checkpoints the WAL from its own connection, in milliseconds (see
    /// <see cref="WalCheckpointService"/>); 0 leaves checkpoints to SQLite, inside the commit that fills 1,000 pages.
    /// </summary>
    [Range(0, 60_000)]
    public int WalCheckpointMilliseconds { get; set; } = 500;

    /// <summary>Run the scheduler in this instance (jobs still run once per cluster).</summary>
    public bool JobsEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due jobs, in seconds.</summary>
    [Range(1, 3600)]
    public int JobPollSeconds { get; set; } = 30;

    /// <summary>This instance's name in job-run records (defaults to machine name and process id).</summary>
    public string? InstanceName { get; set; }
}
