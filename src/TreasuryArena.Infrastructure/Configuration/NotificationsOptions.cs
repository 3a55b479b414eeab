using System.Globalization;
using TreasuryArena.Core.Notifications;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>
/// Where notifications go besides the dashboard feed (section <c>Notifications</c>, environment variables
/// <c>Notifications__WebhookUrl</c>, <c>Notifications__Telegram__BotToken</c>…): the operator's channels (webhook,
/// Telegram chat, e-mail), which receive every notification (narrowed by <see cref="Kinds"/>); the Telegram bot and the
/// SMTP server that organisations' own recipients use too; and how the outbox retries (exponential backoff from
/// <see cref="InitialBackoff"/> doubling up to <see cref="MaxBackoff"/> until delivered or <see cref="Expiry"/> after the
/// notification). Checked at start (<see cref="Validate"/>).
/// </summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The operator's webhook: a JSON POST of each notification (absolute http/https URL; optional).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Key of the <c>X-Arena-Signature: sha256=&lt;hex&gt;</c> header, the HMAC-SHA256 of the raw body (optional; no header without it).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Which kinds the operator's channels receive (empty: every kind); each must be a known kind.</summary>
    public IList<string> Kinds { get; } = [];

    /// <summary>The Telegram Bot API (the bot is the platform's; organisations name their own chats).</summary>
    public TelegramSettings Telegram { get; set; } = new();

    /// <summary>The SMTP server (organisations name their own recipients).</summary>
    public EmailSettings Email { get; set; } = new();

    /// <summary>First retry delay after a failed attempt (default 30 s); each further failure doubles it.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest retry delay (default 1 h).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after the notification a delivery is still tried (default 24 h); then it is <c>expired</c>.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the deliverer looks for due deliveries besides being woken by a new notification (default 5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one attempt (default 15 s).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether this server process runs the deliverer (default true; the CLI never does, <c>arena notifications deliver</c> does one pass).</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>Whether the operator's Telegram chat is configured (bot token and chat id).</summary>
    public bool HasOperatorTelegram => !string.IsNullOrWhiteSpace(Telegram.BotToken) && !string.IsNullOrWhiteSpace(Telegram.ChatId);

    /// <summary>The operator's e-mail recipients (<see cref="EmailSettings.To"/> split on commas and semicolons).</summary>
    public IReadOnlyList<string> OperatorEmails => Email.Recipients();

    /// <summary>Throws <see cref="ArgumentException"/> naming the key when a value is missing or out of range.</summary>
    public void Validate()
    {
        if (!string.IsNullOrWhiteSpace(WebhookUrl) && !IsHttpUrl(WebhookUrl))
        {
            throw Bad("WebhookUrl", $"must be an absolute http or https URL, got '{WebhookUrl}'");
        }

        if (Kinds.FirstOrDefault(k => !NotificationKinds.IsKnown(k)) is { } unknown)
        {
            throw Bad("Kinds", $"'{unknown}' is not a notification kind (known: {string.Join(", ", NotificationKinds.All)})");
        }

        if (!IsHttpUrl(Telegram.BaseUrl))
        {
            throw Bad("Telegram:BaseUrl", $"must be an absolute http or https URL, got '{Telegram.BaseUrl}'");
        }

        if (!string.IsNullOrWhiteSpace(Telegram.ChatId) && string.IsNullOrWhiteSpace(Telegram.BotToken))
        {
            throw Bad("Telegram:BotToken", "is required when Notifications:Telegram:ChatId is set");
        }

        if (!string.IsNullOrWhiteSpace(Email.Host))
        {
            if (Email.Port is < 1 or > 65535)
            {
                throw Bad("Email:Port", $"must be within 1–65535, got {Email.Port}");
            }

            if (string.IsNullOrWhiteSpace(Email.From) || !LooksLikeEmail(Email.From))
            {
                throw Bad("Email:From", "must be an e-mail address when Notifications:Email:Host is set");
            }

            if (!string.IsNullOrEmpty(Email.Username) && Email.Password is null)
            {
                throw Bad("Email:Password", "is required when Notifications:Email:Username is set");
            }
        }
        else if (Email.Recipients().Count > 0)
        {
            throw Bad("Email:Host", "is required when Notifications:Email:To is set");
        }

        if (Email.Recipients().FirstOrDefault(a => !LooksLikeEmail(a)) is { } badAddress)
        {
            throw Bad("Email:To", $"'{badAddress}' is not an e-mail address");
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            throw Bad("InitialBackoff", $"must be positive and at most Notifications:MaxBackoff, got {InitialBackoff} and {MaxBackoff}");
        }

        if (Expiry <= TimeSpan.Zero)
        {
            throw Bad("Expiry", $"must be positive, got {Expiry}");
        }

        if (PollInterval <= TimeSpan.Zero || SendTimeout <= TimeSpan.Zero)
        {
            throw Bad("PollInterval", $"Notifications:PollInterval and Notifications:SendTimeout must be positive, got {PollInterval} and {SendTimeout}");
        }
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool LooksLikeEmail(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 3 && address.IndexOf('.', at) > at + 1 && !address.Any(char.IsWhiteSpace);
    }

    private static ArgumentException Bad(string key, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} {what}"));

    /// <summary>Section <c>Notifications:Telegram</c>.</summary>
    public sealed class TelegramSettings
    {
        /// <summary>The Bot API's base URL (default https://api.telegram.org; a test points it at a local listener).</summary>
        public string BaseUrl { get; set; } = "https://api.telegram.org";

        /// <summary>The bot's token (<c>123456:ABC…</c>); required for any Telegram delivery.</summary>
        public string? BotToken { get; set; }

        /// <summary>The operator's chat id (optional).</summary>
        public string? ChatId { get; set; }
    }

    /// <summary>Section <c>Notifications:Email</c> (SMTP through System.Net.Mail).</summary>
    public sealed class EmailSettings
    {
        /// <summary>The SMTP server; no e-mail is sent without it.</summary>
        public string? Host { get; set; }

        /// <summary>Default 587 (submission with STARTTLS).</summary>
        public int Port { get; set; } = 587;

        /// <summary>Upgrade the connection with STARTTLS before sending (default true).</summary>
        public bool UseTls { get; set; } = true;

        public string? Username { get; set; }

        public string? Password { get; set; }

        /// <summary>The sender address.</summary>
        public string? From { get; set; }

        /// <summary>The operator's recipients, separated by commas or semicolons (optional).</summary>
        public string? To { get; set; }

        public IReadOnlyList<string> Recipients() =>
            (To ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
