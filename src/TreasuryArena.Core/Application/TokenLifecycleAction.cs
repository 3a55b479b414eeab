namespace TreasuryArena.Core.Application;

/// <summary>An admin's lifecycle change of a token (audited as <c>token.activate|activate_override|pause|resume|hold|retire</c>).</summary>
public enum TokenLifecycleAction
{
    Activate,
    Pause,
    Resume,
    Hold,
    Retire,
}
