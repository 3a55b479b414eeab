using System.Text.RegularExpressions;

namespace TreasuryArena.Cli.Tests.Packaging;

/// <summary>
/// <c>deploy/treasury-arena.service</c> is a valid, hardened unit. <c>systemd-analyze verify</c> refuses a unit whose
/// <c>ExecStart</c> binary does not exist, and <c>/opt/treasury-arena/arena</c> exists only on an installed machine, so
/// the test checks a temporary copy whose <c>ExecStart</c> points at a stub executable it creates (every other line
/// as shipped). <c>.ci/run</c> installs Debian's <c>systemd</c> package, which provides <c>systemd-analyze</c>.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class ServiceUnitTests : IDisposable
{
    private const string InstalledExecutable = "/opt/treasury-arena/arena";
    private readonly string _dir = Directory.CreateTempSubdirectory("arena-unit-").FullName;

    private static string Shipped => Path.Combine(Tool.RepositoryRoot(), "deploy", "treasury-arena.service");

    [Fact]
    public async Task Unit_file_passes_systemd_analyze_verify_without_a_warning()
    {
        var unit = await CheckableCopyAsync();
        var verify = await VerifyAsync(unit);
        Assert.True(verify.ExitCode == 0 && verify.Output.Length == 0, "systemd-analyze verify:\n" + verify.Output);

        // verify exits 0 on an unknown key and only prints it: a misspelled hardening option is caught by the output.
        var typo = Path.Combine(_dir, "typo", "treasury-arena.service");
        Directory.CreateDirectory(Path.GetDirectoryName(typo)!);
        await File.WriteAllTextAsync(typo, (await File.ReadAllTextAsync(unit)).Replace("ProtectSystem=strict", "ProtectSytem=strict", StringComparison.Ordinal));
        Assert.Contains("Unknown key 'ProtectSytem'", (await VerifyAsync(typo)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_file_runs_as_a_dedicated_user_with_hardening_and_an_environment_file()
    {
        var text = await File.ReadAllTextAsync(Shipped);
        var service = Settings(text);
        Assert.Equal("treasury-arena", service["User"]);
        Assert.Equal($"{InstalledExecutable} serve --urls http://127.0.0.1:8800", service["ExecStart"]);
        Assert.Equal("/etc/treasury-arena/arena.env", service["EnvironmentFile"]);
        Assert.Equal("/var/lib/treasury-arena", service["WorkingDirectory"]);
        Assert.Equal("/var/lib/treasury-arena", service["ReadWritePaths"]);
        Assert.Equal("treasury-arena", service["StateDirectory"]);
        foreach (var (key, value) in new[] { ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("PrivateTmp", "yes"), ("ProtectHome", "yes"), ("CapabilityBoundingSet", "") })
        {
            Assert.Equal(value, service[key]);
        }

        // The sysusers file creates that user, with the state directory as its home.
        var sysusers = await File.ReadAllTextAsync(Path.Combine(Tool.RepositoryRoot(), "deploy", "treasury-arena.sysusers"));
        Assert.Matches(@"(?m)^u treasury-arena - "".+"" /var/lib/treasury-arena /usr/sbin/nologin$", sysusers);

        // systemd's own exposure score (0 = locked down, 10 = unprotected) stays at 2.0 or below.
        var security = await Tool.RunAsync("systemd-analyze", ["security", "--offline=yes", "--threshold=20", "--no-pager", await CheckableCopyAsync()], TimeSpan.FromMinutes(1));
        Assert.True(security.ExitCode == 0, "systemd-analyze security:\n" + security.Output);
        Assert.Matches(@"Overall exposure level for treasury-arena\.service: [01]\.\d", security.Output);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<Tool.Result> VerifyAsync(string unit) =>
        Tool.RunAsync("systemd-analyze", ["verify", "--man=no", unit], TimeSpan.FromMinutes(1));

    /// <summary>A copy of the shipped unit whose ExecStart runs a stub executable created here.</summary>
    private async Task<string> CheckableCopyAsync()
    {
        var stub = Path.Combine(_dir, "arena");
        await File.WriteAllTextAsync(stub, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var text = await File.ReadAllTextAsync(Shipped);
        Assert.Contains("ExecStart=" + InstalledExecutable + " ", text, StringComparison.Ordinal);
        var unit = Path.Combine(_dir, "treasury-arena.service");
        await File.WriteAllTextAsync(unit, text.Replace("ExecStart=" + InstalledExecutable, "ExecStart=" + stub, StringComparison.Ordinal));
        return unit;
    }

    /// <summary>The <c>[Service]</c> section's settings (the last value of a repeated key wins, as in systemd).</summary>
    private static Dictionary<string, string> Settings(string unit)
    {
        var service = unit[unit.IndexOf("[Service]", StringComparison.Ordinal)..];
        service = service[..service.IndexOf("\n[", 1, StringComparison.Ordinal)];
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in SettingLine().Matches(service))
        {
            settings[m.Groups[1].Value] = m.Groups[2].Value.Trim();
        }

        return settings;
    }

    [GeneratedRegex(@"(?m)^([A-Za-z]+)=(.*)$")]
    private static partial Regex SettingLine();
}
