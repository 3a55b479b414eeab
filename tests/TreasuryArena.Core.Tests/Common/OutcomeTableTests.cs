using System.Text.RegularExpressions;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Tests.Common;

public sealed class OutcomeTableTests
{
    [Fact]
    public void Row_EveryOutcome_HasExactlyOneRow()
    {
        var members = Enum.GetValues<Outcome>();
        foreach (var outcome in members)
        {
            Assert.Equal(outcome, outcome.Row().Outcome);
        }

        Assert.Equal(members.Length, OutcomeTable.All.Count);
        Assert.Equal(members.Length, OutcomeTable.All.Select(r => r.Outcome).Distinct().Count());
    }

    [Fact]
    public void Code_EveryOutcome_IsTheSnakeCaseOfItsNameAndUnique()
    {
        var snake = new Regex("^[a-z]+(_[a-z]+)*$", RegexOptions.CultureInvariant);
        foreach (var row in OutcomeTable.All)
        {
            Assert.Matches(snake, row.Code);
            var pascal = string.Concat(row.Code.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            Assert.Equal(row.Outcome.ToString(), pascal);
        }

        Assert.Equal(OutcomeTable.All.Count, OutcomeTable.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
    }

    public static TheoryData<Outcome, string, int, ExitCode> Contract => new()
    {
        { Outcome.Ok, "ok", 200, ExitCode.Ok },
        { Outcome.InvalidRequest, "invalid_request", 400, ExitCode.InvalidInput },
        { Outcome.WalletNotFound, "wallet_not_found", 404, ExitCode.NotFound },
        { Outcome.UnknownToken, "unknown_token", 404, ExitCode.NotFound },
        { Outcome.OrganisationExists, "organisation_exists", 409, ExitCode.Conflict },
        { Outcome.KeyAlreadyRevoked, "key_already_revoked", 409, ExitCode.Conflict },
        { Outcome.HoldExpired, "hold_expired", 409, ExitCode.Conflict },
        { Outcome.InsufficientCash, "insufficient_cash", 422, ExitCode.Refused },
        { Outcome.PlanLimit, "plan_limit", 422, ExitCode.Refused },
        { Outcome.PlatformHalted, "platform_halted", 403, ExitCode.Refused },
        { Outcome.NotAPlan, "not_a_plan", 422, ExitCode.Refused },
        { Outcome.UnknownStrategy, "unknown_strategy", 422, ExitCode.InvalidInput },
        { Outcome.LedgerCommitFailed, "ledger_commit_failed", 503, ExitCode.Failed },
    };

    [Theory]
    [MemberData(nameof(Contract))]
    public void Row_PinnedOutcomes_KeepTheirCodeStatusAndExitCode(Outcome outcome, string code, int status, ExitCode exit)
    {
        var row = outcome.Row();
        Assert.Equal(code, row.Code);
        Assert.Equal(status, row.HttpStatus);
        Assert.Equal(exit, row.ExitCode);
        Assert.Equal(code.Replace('_', ' '), row.Title);
        Assert.Equal("https://treasury-arena.example/problems/" + code, row.ProblemType);
    }

    [Fact]
    public void Row_StatusClass_AgreesWithTheExitCode()
    {
        foreach (var row in OutcomeTable.All)
        {
            var expected = row.HttpStatus switch
            {
                < 300 => ExitCode.Ok,
                404 => ExitCode.NotFound,
                409 => ExitCode.Conflict,
                400 or 413 => ExitCode.InvalidInput,
                403 or 429 => ExitCode.Refused,
                >= 500 => ExitCode.Failed,
                _ => row.ExitCode,
            };
            Assert.True(expected == row.ExitCode, $"{row.Code}: HTTP {row.HttpStatus} but exit {row.ExitCode}");
            Assert.Contains(row.ExitCode, new[] { ExitCode.InvalidInput, ExitCode.Refused, ExitCode.Conflict, ExitCode.NotFound, ExitCode.Ok, ExitCode.Failed });
        }
    }

    [Fact]
    public void ToOutcome_EveryLedgerError_MapsOneToOneOntoTodaysCodes()
    {
        var codes = new Dictionary<LedgerError, string>
        {
            [LedgerError.None] = "ok",
            [LedgerError.InvalidAmount] = "invalid_amount",
            [LedgerError.InsufficientCash] = "insufficient_cash",
            [LedgerError.InsufficientShares] = "insufficient_shares",
            [LedgerError.TokenNotTradable] = "token_not_tradable",
            [LedgerError.UnknownWallet] = "wallet_not_found",
            [LedgerError.UnknownToken] = "unknown_token",
            [LedgerError.DuplicateToken] = "token_exists",
            [LedgerError.InvalidSymbol] = "invalid_symbol",
            [LedgerError.IllegalTransition] = "illegal_transition",
            [LedgerError.InvalidRequest] = "invalid_request",
        };
        Assert.Equal(Enum.GetValues<LedgerError>().Order(), codes.Keys.Order());
        foreach (var (error, code) in codes)
        {
            Assert.Equal(code, error.ToOutcome().Code());
        }

        Assert.Equal(codes.Count, Enum.GetValues<LedgerError>().Select(e => e.ToOutcome()).Distinct().Count());
    }

    [Fact]
    public void DomainException_CarriesItsOutcome_AndTheOutcomesCode()
    {
        var refused = new DomainException(Outcome.ProposalExpired, "too late");
        Assert.Equal(Outcome.ProposalExpired, refused.Outcome);
        Assert.Equal("proposal_expired", refused.Code);
        Assert.Equal(409, refused.Outcome.HttpStatus());
        Assert.Equal(ExitCode.Conflict, refused.Outcome.Exit());
    }
}
