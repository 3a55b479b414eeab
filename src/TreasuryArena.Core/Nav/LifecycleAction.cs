namespace TreasuryArena.Core.Nav;

/// <summary>What the daily lifecycle check decided for one token.</summary>
public enum LifecycleAction
{
    None,
    Promote,
    Pause,
    Resume,
}
