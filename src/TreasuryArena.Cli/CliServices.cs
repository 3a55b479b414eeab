using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary>
/// One verb's generic host (see <see cref="CliHost"/>): built, its options validated (as <c>ValidateOnStart</c> does for
/// the server) and its unread configuration keys reported on stderr, never started (a verb runs no background service).
/// Disposing it flushes and closes what the verb used (ledger and audit writers, the database).
/// </summary>
internal sealed class CliServices : IServiceProvider, IAsyncDisposable, IDisposable
{
    private readonly IHost _host;

    private CliServices(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IConfiguration Configuration => _host.Services.GetRequiredService<IConfiguration>();

    /// <summary>The tokens-and-wallets runtime (ledger, NAV engine, trade desk) of this host.</summary>
    public TokensRuntime Tokens => Get<TokensRuntime>();

    internal static CliServices Start(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            host.Dispose();
            throw new CliException($"invalid configuration: {string.Join("; ", ex.Failures)}");
        }
        catch (InvalidOperationException ex)
        {
            // The binder's own failure: a value of the wrong type ("Failed to convert configuration value at 'Wallets:Optimizer:MaxWeight'…").
            host.Dispose();
            throw new CliException($"invalid configuration: {ex.Message}");
        }

        foreach (var warning in ConfigurationCheck.Check(host.Services.GetRequiredService<IConfiguration>(), host.Services.GetServices<KnownSection>()))
        {
            Console.Error.WriteLine($"warning: {warning.Message}");
        }

        return new CliServices(host);
    }

    /// <summary>Resolves a service; a missing market history or an invalid setting met while wiring it is a CLI error.</summary>
    public T Get<T>()
        where T : notnull
    {
        try
        {
            return _host.Services.GetRequiredService<T>();
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message);
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException($"invalid configuration: {string.Join("; ", ex.Failures)}");
        }
        catch (DomainException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    public object? GetService(Type serviceType) => _host.Services.GetService(serviceType);

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable async)
        {
            await async.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    public void Dispose() => _host.Dispose();
}
