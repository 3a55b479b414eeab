using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Ports;

/// <summary>Current yields of the pools the base-yield sleeve may use (Aave, Curve, Pendle…). Empty with a note when unavailable.</summary>
public interface IPoolYieldSource
{
    Task<PoolYieldReport> GetPoolYieldsAsync(CancellationToken cancellationToken);
}
