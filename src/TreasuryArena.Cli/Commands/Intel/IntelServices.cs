using Microsoft.Extensions.DependencyInjection;

namespace TreasuryArena.Cli.Commands.Intel;

/// <summary>The services of the intel commands: the verb's host without a database (plus <c>--live</c>), validated at build.</summary>
internal static class IntelServices
{
    public static CliServices Build(bool live, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        if (live)
        {
            overrides["MarketData:Mode"] = "live";
        }

        return CliHost.Open(overrides);
    }

    /// <summary>Resolves a service, turning a missing history directory into a user error.</summary>
    public static T Resolve<T>(IServiceProvider sp)
        where T : notnull
    {
        try
        {
            return sp.GetRequiredService<T>();
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}
