using System.CommandLine;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Cli;

/// <summary>
/// Who a CLI verb acts as. By default the operator at the shell (an admin: <c>cli:USER</c>); with
/// <c>--as-key KEY</c> (on every verb) the member whose API key it is, with that key's role and organisation, so the
/// use cases answer the CLI exactly as they answer the API for that key (a viewer's buy, a treasurer's NAV step or
/// hold release: <c>role_forbidden</c>, exit code 5). The key is resolved once per invocation, before the verb runs.
/// </summary>
internal static class CliCaller
{
    public const string AsKeyName = "--as-key";

    private static readonly AsyncLocal<Caller?> Member = new();

    /// <summary>The caller of the running verb: the <c>--as-key</c> member, else the operator.</summary>
    public static Caller Current => Member.Value ?? Caller.Operator("cli:" + Environment.UserName);

    /// <summary>The <c>--as-key</c> member, else the operator named <paramref name="name"/> (verbs with <c>--actor</c>/<c>--by</c>).</summary>
    public static Caller OperatorNamed(string name) => Member.Value ?? Caller.Operator(name);

    /// <summary>The recursive <c>--as-key</c> option of the root command.</summary>
    public static Option<string?> Option() => new(AsKeyName)
    {
        Description = "Act as the member whose API key this is (the use cases check that key's role and organisation); default: the operator, as admin",
        Recursive = true,
    };

    /// <summary>
    /// The member of <c>--as-key</c>, resolved against the verb's <c>--db</c> (an unknown or revoked key is refused), or
    /// null for the operator. The caller passes it to <see cref="Use"/> in its own flow (an async method's AsyncLocal
    /// writes do not reach its caller).
    /// </summary>
    public static async Task<Caller?> ResolveAsync(ParseResult parse, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Errors.Count > 0 || parse.GetValue<string?>(AsKeyName) is not { Length: > 0 } key)
        {
            return null;
        }

        await using var platform = await PlatformCli.OpenAsync(parse.GetValue<string?>("--db"), ct);
        return await platform.Identity.AuthenticateAsync(key, ct)
            ?? throw new CliException($"{AsKeyName}: no active API key matches", Outcome.KeyNotFound);
    }

    /// <summary>Acts as <paramref name="member"/> (null: the operator) for the rest of the current flow.</summary>
    public static void Use(Caller? member) => Member.Value = member;
}
