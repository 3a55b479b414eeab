using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Hosting;

/// <summary>The server's configuration (section <c>Arena</c>); validated at start-up.</summary>
public sealed class ArenaServerOptions
{
    public const string SectionName = "Arena";

    /// <summary>SQLite file path or PostgreSQL connection string (<c>Host=…</c>). Default <c>data/arena.db</c>.</summary>
    [Required]
    public string Database { get; set; } = Path.Combine("data", "arena.db");

    /// <summary>The data directory (default <c>data</c>): where the platform's files live when the database is PostgreSQL,
    /// such as the latest <c>arena evaluate</c> report (<c>evaluation/</c>; beside the file for SQLite).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Registered as the first admin key at first start when no admin key exists (at least 24 characters).</summary>
    [MinLength(24)]
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Where notifications are POSTed as JSON (optional).</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>Largest accepted request body in bytes (default 256 KiB); larger bodies get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Requests per second allowed per API key (token bucket refilled every second).</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 100;

    /// <summary>Bucket size: how many requests a key may burst above the steady rate.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 200;

    /// <summary>Monitoring: a single trade above this many USD is held (0 = off).</summary>
    [Range(typeof(decimal), "0", "1000000000000")]
    public decimal HoldTradeAboveUsd { get; set; } = 25_000m;

    /// <summary>Monitoring: a trade above this fraction of the wallet's value is held (0 = off).</summary>
    [Range(typeof(decimal), "0", "1")]
    public decimal HoldTradeAboveWalletFraction { get; set; } = 0.25m;

    /// <summary>Monitoring: more trades than this per wallet per UTC day are held (0 = off).</summary>
    [Range(0, 1_000_000)]
    public int HoldTradesPerDayAbove { get; set; } = 50;

    /// <summary>Monitoring: hours a held trade or held plan waits for an admin before it expires (default 72).</summary>
    [Range(1, 24 * 365)]
    public int HoldLifetimeHours { get; set; } = 72;

    /// <summary>Floor of a wallet's drawdown breaker limit (default 15%); the limit is the multiple below × its tolerance's volatility ceiling.</summary>
    [Range(typeof(decimal), "0", "1")]
    public decimal WalletDrawdownBreaker { get; set; } = 0.15m;

    /// <summary>A wallet's breaker limit as a multiple of its tolerance's volatility ceiling (default 1.5).</summary>
    [Range(typeof(decimal), "0.1", "10")]
    public decimal WalletBreakerVolatilityMultiple { get; set; } = 1.5m;

    /// <summary>Cap of a wallet's breaker limit (default 50%).</summary>
    [Range(typeof(decimal), "0", "1")]
    public decimal WalletBreakerCap { get; set; } = 0.50m;

    /// <summary>
    /// How long a client's <c>Idempotency-Key</c> is remembered, in minutes after its first request (default 1440 =
    /// 24 h): a repeat inside the window gets the first response; after it the key may be used again. Applies to the
    /// stored HTTP responses and to the ledger's own memory of keys (live and after a restart).
    /// </summary>
    [Range(1, 30 * 24 * 60)]
    public int IdempotencyWindowMinutes { get; set; } = 24 * 60;

    /// <summary>The idempotency window as a span.</summary>
    public TimeSpan IdempotencyWindow => TimeSpan.FromMinutes(IdempotencyWindowMinutes);

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
