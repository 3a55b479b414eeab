namespace TreasuryArena.Server.Tests.Browser;

/// <summary>The browser tests share one chromium and run one after another (two cores are shared by many builds).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
