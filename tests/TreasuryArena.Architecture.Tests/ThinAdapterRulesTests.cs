using System.Text.RegularExpressions;

namespace TreasuryArena.Architecture.Tests;

/// <summary>
/// Issue 19, "use cases own the rules": endpoints, CLI verbs and jobs are thin adapters over the use cases of
/// <c>Core/Application</c>. They never call the ledger's mutating operations, the token issuer, the NAV engine's lifecycle
/// changes or NAV run, the hold review, the treasury manager's runs (advise, execute, daily, review) or the trade desk
/// themselves, since that is how a door skipped the plan check, the role check or the audit record.
/// </summary>
public sealed partial class ThinAdapterRulesTests
{
    [Theory]
    [InlineData("src/TreasuryArena.Server/Endpoints")]
    [InlineData("src/TreasuryArena.Server/Jobs")]
    [InlineData("src/TreasuryArena.Cli/Commands")]
    public void Adapters_DoNotCallLedgerMutationsOrLifecycleDirectly(string folder)
    {
        var dir = Path.Combine(ReferenceRulesTests.RepoRoot(), folder);
        Assert.True(Directory.Exists(dir), $"{dir} is missing");
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal) && DirectCall().Match(lines[i]) is { Success: true } m)
                {
                    offences.Add($"{Path.GetRelativePath(ReferenceRulesTests.RepoRoot(), file)}:{i + 1}: {m.Value}");
                }
            }
        }

        Assert.True(offences.Count == 0, "call the use case (Core/Application) instead:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void DirectCallPattern_MatchesWhatTheOldEndpointsDid()
    {
        // The rule must catch the calls that skipped the plan check before issue 19 (WalletEndpoints, AdminTokenEndpoints).
        Assert.Matches(DirectCall(), "var result = await s.Ledger.CreateWalletAsync(org.ToString(), request.Mode, request.RiskTolerance, key, ct);");
        Assert.Matches(DirectCall(), "await s.Ledger.UpdateWalletAsync(view.Wallet.Address, request.Mode, risk, ct);");
        Assert.Matches(DirectCall(), "issue = await tokens.Issuer.IssueAsync(request.Strategy.Trim(), symbol, p, i, n, nav, hurdle, ct);");
        Assert.Matches(DirectCall(), "await tokens.Nav.RetireAsync(symbol, asOf, caller.Actor, why, ct);");
        Assert.Matches(DirectCall(), "return ToResult(await s.Desk.ExecuteAsync(order, http.RequestAborted), side, http);");
        Assert.Matches(DirectCall(), "var report = await tokens.Nav.RunAsync(to, ct);");
        Assert.Matches(DirectCall(), "var d = await rt.Holds.ReleaseAsync(admin, parse.GetValue(id), ct);");
        Assert.Matches(DirectCall(), "TypedResults.Ok(HoldResponse.From(await tokens.Holds.RejectAsync(http.Caller(), id, request.Reason, http.RequestAborted), tokens.Holds.Lifetime));");
        Assert.Matches(DirectCall(), "var expired = await tokens.Holds.ExpireAsync(ct);");
        Assert.Matches(DirectCall(), "var result = await s.Manager.ExecuteAsync(asOf, ct);");
        Assert.Matches(DirectCall(), "var (once, onceExecuted, existing) = await treasury.Manager.RunDailyOnceAsync(day, ct);");
        Assert.Matches(DirectCall(), "var report = await treasury.Manager.ReviewAsync(day, ct);");
        Assert.DoesNotMatch(DirectCall(), "var view = await wallets.CreateAsync(caller, request, ct);");
        Assert.DoesNotMatch(DirectCall(), "var step = await tokens.NavSteps.StepAsync(Caller.Job(Name), to, ct);");
        Assert.DoesNotMatch(DirectCall(), "var status = await s.Manager.StatusAsync(asOf, ct);");
    }

    [GeneratedRegex(@"\b(?:[Ll]edger\.(?:CreateWalletAsync|UpdateWalletAsync|DepositAsync|WithdrawAsync|BuyAsync|SellAsync|CreateTokenAsync|ChangeTokenStatusAsync)|Issuer\.IssueAsync|Nav\.(?:SetStatusAsync|ResumeAsync|HoldAsync|RetireAsync|RunAsync)|Holds\.(?:ReleaseAsync|RejectAsync|ExpireAsync)|Manager\.(?:AdviseAsync|ExecuteAsync|RunDailyAsync|RunDailyOnceAsync|ReviewAsync)|Desk\.ExecuteAsync)\(", RegexOptions.CultureInvariant)]
    private static partial Regex DirectCall();
}
