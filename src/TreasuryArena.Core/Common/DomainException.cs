namespace TreasuryArena.Core.Common;

/// <summary>A broken domain rule that a caller may map to a 409/422 answer.</summary>
public class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainException(string code, string message, Exception inner)
        : base(message, inner)
    {
        Code = code;
    }

    /// <summary>A stable, machine-readable code such as <c>insufficient_cash</c>.</summary>
    public string Code { get; }
}
