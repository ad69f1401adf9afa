using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Identity.Setup;
using Platform.Tests.Graph;

namespace Platform.Tests.Identity;

/// <summary>The setup step against the graph's identity database, run in-process as the AppHost runs it: it never makes a
/// stranger's account an admin.</summary>
[Collection("graph")]
public sealed class SetupTests(GraphFixture fixture)
{
    [Fact]
    public async Task Setup_refuses_to_promote_an_address_someone_registered()
    {
        // Someone registered the address before an operator named it as the first admin's.
        var stranger = await IdentityFlows.RegisterAsync(fixture.App);

        var exit = await RunSetupAsync(stranger);

        Assert.Equal(1, exit);
        var token = new JsonWebToken(await IdentityFlows.UserAccessTokenAsync(fixture.App, stranger));
        Assert.DoesNotContain(token.Claims, c => c.Type == "role" && c.Value == "admin");
    }

    [Fact]
    public async Task Setup_keeps_the_admin_it_created()
    {
        var (admin, password) = await IdentityFlows.AdminAsync(fixture.App);

        Assert.Equal(0, await RunSetupAsync(admin, password));

        var token = new JsonWebToken(await IdentityFlows.UserAccessTokenAsync(fixture.App, admin, password));
        Assert.Contains(token.Claims, c => c.Type == "role" && c.Value == "admin");
    }

    private async Task<int> RunSetupAsync(string adminEmail, string adminPassword = "A-new-admin-password-3")
    {
        await using var app = await IdentityInProcess.BuildAsync(fixture, new Dictionary<string, string?>
        {
            ["Identity:Setup:AdminEmail"] = adminEmail,
            ["Identity:Setup:AdminPassword"] = adminPassword,
        });
        return await IdentitySetup.RunAsync(app.Services);
    }
}
