using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Policy;
using TreasuryArena.Core.Reporting;
using Xunit;

namespace TreasuryArena.Core.Tests.Policy;

/// <summary>The IPS feeding the two-person rule's threshold and the board report's benchmark and expenses.</summary>
public sealed class PolicyWiringTests
{
    private static readonly Guid Org = Guid.NewGuid();

    [Theory]
    [InlineData(null, null, null)] // no platform threshold, no policy: no dual control
    [InlineData(50000, null, 50000)] // no policy: the platform's
    [InlineData(50000, 0, 50000)] // a policy without a threshold asks for nothing more
    [InlineData(50000, 10000, 10000)] // a stricter board wins
    [InlineData(50000, 80000, 50000)] // a laxer board cannot lift the platform's rule
    [InlineData(null, 25000, 25000)] // the platform's rule off: the board's alone
    public async Task Threshold_IsTheStricterOfPlatformAndPolicy(int? platform, int? board, int? expected)
    {
        var store = new Store(board is { } b ? InvestmentPolicy.Default with { DualControlThreshold = b } : null);
        var thresholds = new PolicyDualControlThresholds(store, new ConfiguredDualControlThresholds(platform));

        Assert.Equal((decimal?)expected, await thresholds.ForAsync(Org, CancellationToken.None));
    }

    [Fact]
    public async Task BoardSource_ReadsBenchmarkAndExpenses_DefaultWithoutPolicy()
    {
        Assert.Equal(BoardPolicy.Default, await new PolicyBoardSource(new Store(null)).PolicyAsync(Org, CancellationToken.None));

        var tbill = InvestmentPolicy.Default with { Benchmark = PolicyBenchmark.TBill, MonthlyExpenses = 42_000m };
        var board = await new PolicyBoardSource(new Store(tbill)).PolicyAsync(Org, CancellationToken.None);
        Assert.Equal(new BoardPolicy("T-bill", 0m, 42_000m), board);

        var sixtyForty = await new PolicyBoardSource(new Store(InvestmentPolicy.Default)).PolicyAsync(Org, CancellationToken.None);
        Assert.Equal(new BoardPolicy("60/40 BTC/T-bill", 0.6m, null), sixtyForty);
    }

    private sealed class Store(InvestmentPolicy? policy) : IPolicyStore
    {
        public Task<PolicyVersion?> CurrentAsync(Guid organisationId, CancellationToken ct) =>
            Task.FromResult(policy is null ? null : new PolicyVersion(organisationId, 1, policy, "test", DateTimeOffset.UnixEpoch));

        public Task<IReadOnlyList<PolicyVersion>> HistoryAsync(Guid organisationId, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> TryAddAsync(PolicyVersion version, CancellationToken ct) => throw new NotSupportedException();
    }
}
