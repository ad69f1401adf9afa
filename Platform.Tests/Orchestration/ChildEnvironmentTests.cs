using System.Collections;
using Platform.Hosting.Orchestration;

namespace Platform.Tests.Orchestration;

/// <summary>A child gets the few variables any program needs and its resource's own, nothing else of the AppHost's.</summary>
[Trait("Tier", "Fast")]
public sealed class ChildEnvironmentTests
{
    private static readonly Hashtable AppHost = new()
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["LANG"] = "C.UTF-8",
        ["LC_TIME"] = "en_GB.UTF-8",
        ["HOME"] = "/root",
        ["USER"] = "root",
        ["AWS_SECRET_ACCESS_KEY"] = "sentinel-secret",
        ["AWS_ACCESS_KEY_ID"] = "sentinel-key",
        ["Parameters__pg-password"] = "sentinel-password",
        ["ConnectionStrings__elsewhere"] = "Host=elsewhere;Password=sentinel",
        ["ASPNETCORE_URLS"] = "http://localhost:15000",
        ["DOTNET_LAUNCH_PROFILE"] = "Platform.AppHost",
        ["DOTNET_gcServer"] = "1",
    };

    [Fact]
    public void Only_the_basics_of_the_AppHosts_environment_pass_and_the_resources_own_variables_are_added()
    {
        var spec = new ProcessSpec("redis-server", []) { Environment = new Dictionary<string, string> { ["ConnectionStrings__cache"] = "localhost:1234" } };

        var environment = ChildEnvironment.For(spec, account: null, AppHost);

        Assert.Equal(new Dictionary<string, string>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["LANG"] = "C.UTF-8",
            ["LC_TIME"] = "en_GB.UTF-8",
            ["HOME"] = "/root",
            ["USER"] = "root",
            ["ConnectionStrings__cache"] = "localhost:1234",
        }, environment);
    }

    [Fact]
    public void A_child_running_as_the_service_account_gets_its_home_and_name()
    {
        var account = new ServiceAccount("platform", 999, 999, "/data/.home");

        var environment = ChildEnvironment.For(new ProcessSpec("postgres", []), account, AppHost);

        Assert.Equal("/data/.home", environment["HOME"]);
        Assert.Equal("platform", environment["USER"]);
        Assert.Equal("platform", environment["LOGNAME"]);
        Assert.DoesNotContain(environment.Values, value => value.Contains("sentinel", StringComparison.Ordinal));
    }
}
