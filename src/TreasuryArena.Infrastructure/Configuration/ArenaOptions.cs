using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>
/// The platform's configuration shared by every host (section <c>Arena</c>): where the data lives, the transaction
/// monitoring rules, the wallet drawdown breaker and the idempotency window. The server's own keys of the same section
/// (rate limits, body size, jobs…) are in the server's options class; both are validated at start.
/// </summary>
public sealed class ArenaOptions
{
    public const string SectionName = "Arena";

    /// <summary>SQLite file path or PostgreSQL connection string (<c>Host=…</c>). Default <c>data/arena.db</c>.</summary>
    [Required]
    public string Database { get; set; } = Path.Combine("data", "arena.db");

    /// <summary>The data directory (default <c>data</c>): where the platform's files live when the database is PostgreSQL,
    /// such as the latest <c>arena evaluate</c> report (<c>evaluation/</c>; beside the file for SQLite).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Deprecated alias of <c>Notifications:WebhookUrl</c> (reported at start when set).</summary>
    [Url]
    public string? WebhookUrl { get; set; }

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
}
