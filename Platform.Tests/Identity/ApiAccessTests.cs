using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Aspire.Hosting.Testing;
using Platform.Identity.Keys;
using Platform.Tests.Graph;
using Platform.Tests.Workload;

namespace Platform.Tests.Identity;

/// <summary>Who may call the api: a token from the identity provider, for the api, with the scope the route needs; and
/// what each caller sees: their own assets (an admin: all), anyone else's not even found.</summary>
[Collection("graph")]
public sealed class ApiAccessTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    /// <summary>Every route of the api, with a body where it takes one.</summary>
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/assets" },
        { "GET", $"/api/assets/{Guid.NewGuid()}" },
        { "GET", $"/api/assets/{Guid.NewGuid()}/content" },
        { "GET", $"/api/assets/{Guid.NewGuid()}/report" },
        { "POST", "/api/assets" },
        { "POST", "/api/uploads" },
        { "POST", $"/api/uploads/{Guid.NewGuid()}/complete" },
        { "DELETE", $"/api/assets/{Guid.NewGuid()}" },
        { "POST", "/api/jobs" },
        { "GET", $"/api/jobs/{Guid.NewGuid()}" },
        { "GET", "/api/analytics/summary" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_answers_401_without_a_valid_token(string method, string path)
    {
        var signingSecret = await IdentityFlows.ParameterAsync(Fixture.App, "identity-signing-key");
        var issuer = IdentityFlows.IdentityUrl(Fixture.App).ToString();
        var now = DateTime.UtcNow;
        var tokens = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["malformed"] = "not.a.token",
            ["expired"] = Sign(DerivedKeys.Signing(signingSecret), issuer, "platform-api", now.AddHours(-2), now.AddHours(-1)),
            ["signed by another key"] = Sign(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "other" }, issuer, "platform-api", now, now.AddHours(1)),
            ["for another audience"] = Sign(DerivedKeys.Signing(signingSecret), issuer, "another-api", now, now.AddHours(1)),
            ["from another issuer"] = Sign(DerivedKeys.Signing(signingSecret), "https://issuer.example/", "platform-api", now, now.AddHours(1)),
            ["alg none"] = Unsigned(issuer, "platform-api", now, now.AddHours(1)),
        };
        using var api = Fixture.App.CreateHttpClient("api");
        foreach (var (what, token) in tokens)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }
            using var response = await api.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with a token {what}: {(int)response.StatusCode}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_token_without_the_write_scope_reads_but_is_forbidden_to_change()
    {
        using var readOnly = IdentityFlows.ApiAs(Fixture.App, await IdentityFlows.ClientAccessTokenAsync(Fixture.App, "assets.read"));

        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync("/api/assets")).StatusCode);
        using var forbidden = await readOnly.PostAsJsonAsync("/api/jobs", new { type = "ping", assetId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        using var upload = await readOnly.PostAsync("/api/assets", Platform.Tests.Workload.Workload.Form("x"u8.ToArray(), "x.txt"));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task A_person_sees_only_their_own_assets_another_finds_none_of_them_and_an_admin_sees_all()
    {
        var id = (await Workload.UploadAsync("mine\n"u8.ToArray(), "mine.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(id, "done");
        var job = (await Workload.GetAssetAsync(id)).GetProperty("latestJobId").GetGuid();
        using var other = IdentityFlows.ApiAs(Fixture.App, await IdentityFlows.UserAccessTokenAsync(Fixture.App, await IdentityFlows.RegisterAsync(Fixture.App)));

        // Not hers: not found, whichever way she asks, and nothing changes.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assets/{id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assets/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/jobs/{job}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/jobs", new { type = "process-asset", assetId = id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/assets/{id}")).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/assets")).GetProperty("count").GetInt64());
        var hers = await other.GetFromJsonAsync<JsonElement>("/api/analytics/summary");
        Assert.Equal(0, hers.GetProperty("assetCount").GetInt64());
        // Where the database is, is for admins only.
        Assert.Equal(JsonValueKind.Null, hers.GetProperty("servedBy").GetProperty("host").ValueKind);
        Assert.Equal("done", (await Workload.GetAssetAsync(id)).GetProperty("status").GetString());

        var (adminEmail, adminPassword) = await IdentityFlows.AdminAsync(Fixture.App);
        using var admin = IdentityFlows.ApiAs(Fixture.App, await IdentityFlows.UserAccessTokenAsync(Fixture.App, adminEmail, adminPassword));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/assets/{id}")).StatusCode);
        Assert.Equal("mine\n", await admin.GetStringAsync($"/api/assets/{id}/content"));
        Assert.False(string.IsNullOrEmpty((await admin.GetFromJsonAsync<JsonElement>("/api/analytics/summary")).GetProperty("servedBy").GetProperty("host").GetString()));
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/assets")).GetProperty("data").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        using var verify = await admin.PostAsJsonAsync("/api/jobs", new { type = "verify-asset", assetId = id });
        Assert.Equal(HttpStatusCode.Accepted, verify.StatusCode);
        await Workload.WaitUntilQuietAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/assets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Workload.Api.GetAsync($"/api/assets/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_command_line_client_uploads_with_a_client_credentials_token_and_owns_what_it_uploads()
    {
        using var cli = IdentityFlows.ApiAs(Fixture.App, await IdentityFlows.ClientAccessTokenAsync(Fixture.App));

        using var response = await cli.PostAsync("/api/assets", Platform.Tests.Workload.Workload.Form("from a script\n"u8.ToArray(), "script.txt"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var asset = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("platform-cli", asset.GetProperty("ownerId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Workload.Api.GetAsync($"/api/assets/{asset.GetProperty("id").GetGuid()}")).StatusCode);
    }

    private static string Sign(SecurityKey key, string issuer, string audience, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", "someone"), new Claim("scope", "assets.read assets.write")]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });

    private static string Unsigned(string issuer, string audience, DateTime notBefore, DateTime expires)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        return $"{Part(new { alg = "none", typ = "JWT" })}.{Part(new
        {
            iss = issuer,
            aud = audience,
            sub = "someone",
            scope = "assets.read assets.write",
            nbf = new DateTimeOffset(notBefore).ToUnixTimeSeconds(),
            exp = new DateTimeOffset(expires).ToUnixTimeSeconds(),
        })}.";
    }
}
