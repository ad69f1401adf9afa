using Platform.Deployment.Aws.CommandLine;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Plan;

[Trait("Tier", "Fast")]
public sealed class DeploymentCommandLineTests
{
    [Fact]
    public async Task Deploy_without_AWS_credentials_fails_at_once_naming_what_is_missing()
    {
        var home = Directory.CreateTempSubdirectory("platform-home-").FullName;
        try
        {
            var (exitCode, output, error) = await RunAsync(
                ["deploy", "--manifest", Repository.PlatformManifest, "--output-path", Path.Combine(home, "out")],
                name => name == "HOME" ? home : null);

            Assert.Equal(1, exitCode);
            Assert.Contains("AWS_ACCESS_KEY_ID", error);
            Assert.Contains("AWS_PROFILE", error);
            Assert.Contains("AWS_REGION", error);
            // Nothing was synthesized, and nothing was installed.
            Assert.Empty(output);
            Assert.False(Directory.Exists(Path.Combine(home, "out")));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task Deploy_with_credentials_but_no_region_names_the_region()
    {
        var (exitCode, _, error) = await RunAsync(
            ["deploy", "--manifest", Repository.PlatformManifest, "--output-path", "unused"],
            name => name switch { "AWS_ACCESS_KEY_ID" => "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY" => "example", "HOME" => "/nonexistent", _ => null });

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("AWS_ACCESS_KEY_ID", error);
        Assert.Contains("AWS_REGION", error);
    }

    [Theory]
    [InlineData(new string[0], "Usage:")]
    [InlineData(new[] { "synth", "--manifest", "x.json" }, "--output-path")]
    [InlineData(new[] { "synth", "--manifest", "missing.json", "--output-path", "out" }, "Manifest 'missing.json' was not found")]
    [InlineData(new[] { "synth", "--bogus", "1" }, "Unknown option or missing value: '--bogus'")]
    public async Task Bad_command_lines_are_one_clear_message(string[] args, string message)
    {
        var (exitCode, _, error) = await RunAsync(args, _ => null);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, Func<string, string?> environment)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await DeploymentCommandLine.RunAsync(args, environment, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
