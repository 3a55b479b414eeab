using System.Text.Json;

namespace TreasuryArena.Cli.Tests.Packaging;

/// <summary>
/// The CLI project is self-contained only when published: a build (what <c>./arena</c> runs) keeps its RID-less output
/// path, the one the <c>arena</c> script executes. Reads MSBuild's evaluation, so it writes nothing and takes seconds.
/// </summary>
public sealed class PublishSettingsTests
{
    [Fact]
    public async Task Build_keeps_the_path_of_the_arena_script_and_publish_is_self_contained()
    {
        var root = Tool.RepositoryRoot();
        var build = await EvaluateAsync(root);
        Assert.Equal("", build.GetProperty("RuntimeIdentifier").GetString());
        Assert.Equal("false", build.GetProperty("SelfContained").GetString());
        var output = build.GetProperty("OutputPath").GetString()!.Replace('\\', '/');
        var script = await File.ReadAllTextAsync(Path.Combine(root, "arena"));
        Assert.Contains($"src/TreasuryArena.Cli/{output}{build.GetProperty("AssemblyName").GetString()}\"", script, StringComparison.Ordinal);

        var publish = await EvaluateAsync(root, "-p:_IsPublishing=true");
        Assert.Equal("true", publish.GetProperty("SelfContained").GetString());
        Assert.NotEqual("", publish.GetProperty("RuntimeIdentifier").GetString());
    }

    private static async Task<JsonElement> EvaluateAsync(string root, params string[] extra)
    {
        var result = await Tool.RunAsync("dotnet",
            ["msbuild", Path.Combine("src", "TreasuryArena.Cli", "TreasuryArena.Cli.csproj"), "-nologo", "-p:Configuration=Release",
             "-getProperty:RuntimeIdentifier", "-getProperty:SelfContained", "-getProperty:OutputPath", "-getProperty:AssemblyName", .. extra],
            TimeSpan.FromMinutes(2), root);
        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("Properties").Clone();
    }
}
