using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>The HTTP status for a domain error code: not found 404, conflicts 409, other broken rules 422.</summary>
public static class ProblemCodes
{
    public static int StatusFor(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception.Code;
        if (code.EndsWith("_not_found", StringComparison.Ordinal) || code.StartsWith("unknown_", StringComparison.Ordinal))
        {
            return StatusCodes.Status404NotFound;
        }

        if (code.EndsWith("_exists", StringComparison.Ordinal) || code.Contains("already", StringComparison.Ordinal) || code.Contains("conflict", StringComparison.Ordinal))
        {
            return StatusCodes.Status409Conflict;
        }

        return StatusCodes.Status422UnprocessableEntity;
    }
}
