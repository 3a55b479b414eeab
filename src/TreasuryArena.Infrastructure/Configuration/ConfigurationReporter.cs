using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>At host start, logs a warning for each configuration key nothing reads (see <see cref="ConfigurationCheck"/>).</summary>
public sealed class ConfigurationReporter(IConfiguration configuration, IEnumerable<KnownSection> sections, ILogger<ConfigurationReporter> logger) : IHostedService
{
    public IReadOnlyList<ConfigurationWarning> Warnings { get; } = ConfigurationCheck.Check(configuration, sections);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in Warnings)
        {
            ConfigurationLog.UnknownKey(logger, warning.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
