using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Auth;

/// <summary>Gets the authenticated <see cref="Caller"/> that the API-key handler attached to the request.</summary>
public static class CallerExtensions
{
    public static Caller Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Caller>() ?? throw new InvalidOperationException("endpoint requires an authenticated caller");
    }
}
