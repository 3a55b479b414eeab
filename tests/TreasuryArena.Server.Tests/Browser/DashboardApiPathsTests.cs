using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>Every path the dashboard's <c>api.js</c> calls is a route the server maps (no browser needed).</summary>
public sealed partial class DashboardApiPathsTests
{
    [Fact]
    public async Task ApiJs_EveryPath_IsARouteOfTheServer()
    {
        var source = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "wwwroot", "js", "api.js"));
        var block = PathsBlock().Match(source);
        Assert.True(block.Success, "api.js declares `export const paths = { ... };`");
        var paths = PathLiteral().Matches(block.Groups[1].Value)
            .Select(m => Placeholder().Replace(m.Groups[1].Value, "x").Split('?')[0])
            .ToList();
        Assert.True(paths.Count >= 20, $"found {paths.Count} paths in api.js");

        await using var server = await DashboardServer.StartAsync();
        var routes = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Distinct()
            .Select(r => new Regex("^" + RouteParameter().Replace(Regex.Escape(r), "[^/]+") + "/?$"))
            .ToList();

        var missing = paths.Where(p => !routes.Any(r => r.IsMatch(p))).ToList();
        Assert.True(missing.Count == 0, "api.js calls paths the server does not map: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"export const paths = \{(.*?)\};", RegexOptions.Singleline)]
    private static partial Regex PathsBlock();

    [GeneratedRegex(@"['`](/api[^'`]*)['`]")]
    private static partial Regex PathLiteral();

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex Placeholder();

    // Regex.Escape turns "{id:guid}" into "\{id:guid}"
    [GeneratedRegex(@"\\\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
