namespace TreasuryArena.Infrastructure.Storage;

/// <summary>A turn to write, from <see cref="ArenaDatabase.WriteTurnAsync"/>; disposing it lets the next writer in.</summary>
public readonly struct WriteTurn : IDisposable, IEquatable<WriteTurn>
{
    private readonly SemaphoreSlim? _held;

    internal WriteTurn(SemaphoreSlim held) => _held = held;

    public void Dispose() => _held?.Release();

    public bool Equals(WriteTurn other) => ReferenceEquals(_held, other._held);

    public override bool Equals(object? obj) => obj is WriteTurn other && Equals(other);

    public override int GetHashCode() => _held?.GetHashCode() ?? 0;

    public static bool operator ==(WriteTurn left, WriteTurn right) => left.Equals(right);

    public static bool operator !=(WriteTurn left, WriteTurn right) => !left.Equals(right);
}
