using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>The platform-wide halt flag.</summary>
public sealed record HaltResponse(bool Halted, string? Reason, string? SetBy, DateTimeOffset? SetAt)
{
    public static HaltResponse From(PlatformHalt h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.Halted, h.Reason, h.SetBy, h.SetAt);
    }
}
