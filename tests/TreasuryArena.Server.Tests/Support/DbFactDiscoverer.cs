using Xunit.Abstractions;
using Xunit.Sdk;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>Discovers <see cref="DbFactAttribute"/> tests, skipping PostgreSQL classes when no server is configured.</summary>
public sealed class DbFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = testMethod.TestClass.Class.Interfaces.Any(i => i.Name == typeof(IRequiresPostgres).FullName);
        if (needsPostgres && string.IsNullOrWhiteSpace(TestDatabase.PostgresConnectionString))
        {
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, "ARENA_TEST_POSTGRES is not set");
            yield break;
        }

        yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}
