using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Platform.Identity;
using Platform.Tests.Graph;

namespace Platform.Tests.Identity;

/// <summary>identity's services built in the test's process against the graph's identity database, as the AppHost's
/// setup step builds them (the host is not started): for what a test runs once by hand, the setup step or a pruning pass.</summary>
internal static class IdentityInProcess
{
    public static async Task<WebApplication> BuildAsync(GraphFixture fixture, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = await fixture.App.GetConnectionStringAsync("identitydb"),
            ["Identity:Setup:WebClientSecret"] = await IdentityFlows.ParameterAsync(fixture.App, "identity-web-secret"),
            ["Identity:Setup:CliClientSecret"] = await IdentityFlows.ParameterAsync(fixture.App, "identity-cli-secret"),
            ["Identity:Setup:WebClientUrls:0"] = fixture.App.GetEndpoint("web").ToString(),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddIdentityServices();
        return builder.Build();
    }
}
