namespace TreasuryArena.Server.Tests.Browser;

/// <summary>
/// A browser test: runs when Debian's chromium is installed (CI installs it, see <c>.ci/run</c>), and is reported
/// as skipped, with the reason, when it is not. Playwright cannot download browsers here, so it drives this one.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.ChromiumPath is null)
        {
            Skip = "chromium is not installed (apt-get install chromium); browser tests skipped";
        }
    }
}
