using System.Globalization;

namespace TreasuryArena.Core.Approvals;

/// <summary>
/// Two-person approval (section <c>Approvals</c>): how long a request waits for its second approval before it expires,
/// and the default threshold (USD) above which a member's trade, proposal approval or policy change needs one.
/// </summary>
public sealed record ApprovalOptions
{
    public const string SectionName = "Approvals";

    /// <summary>How long a request waits for the second approval (default 72 h); the hourly job expires it after.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(72);

    /// <summary>The value above which a second approval is needed, for organisations without their own (null or 0: never).</summary>
    public decimal? DefaultThresholdUsd { get; init; } = 50_000m;

    /// <summary>Throws when a value is out of range (checked by the composition root at start).</summary>
    public void Validate()
    {
        if (Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:Lifetime must be positive, got {Lifetime}"));
        }

        if (DefaultThresholdUsd is < 0m)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:DefaultThresholdUsd must not be negative, got {DefaultThresholdUsd}"));
        }
    }

    /// <summary>The configured threshold, with 0 meaning none.</summary>
    public decimal? Threshold => DefaultThresholdUsd is > 0m ? DefaultThresholdUsd : null;
}
