using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Platform.Tests.Identity;

/// <summary>
/// Signs people and clients in against the graph's identity provider as a browser and a script do: registration and
/// sign-in through the pages (with their antiforgery tokens), the authorization code flow with PKCE (as web runs it),
/// client credentials (as the CLI does).
/// </summary>
internal static partial class IdentityFlows
{
    public const string Password = "Correct-horse-9";
    public const string AllScopes = "openid profile email roles offline_access assets.read assets.write";

    public static Uri IdentityUrl(DistributedApplication app) => app.GetEndpoint("identity");

    public static async Task<string> ParameterAsync(DistributedApplication app, string name) =>
        (await app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Single(p => p.Name == name).GetValueAsync(default))!;

    /// <summary>A new person, registered through the form (role <c>user</c>), their address confirmed with the link of the
    /// mail the catcher received (the graph requires confirmation, as outside Development).</summary>
    public static async Task<string> RegisterAsync(DistributedApplication app, string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.test";
        using var browser = Browser(IdentityUrl(app));
        var form = await browser.GetStringAsync("/account/register");
        using var response = await browser.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && page.Contains("id=\"check-mail\"", StringComparison.Ordinal),
            $"registering {email} answered {(int)response.StatusCode}: {page}");
        var (_, mail) = await Infrastructure.MailInbox.WaitForAsync(app, email, "Confirm your e-mail address");
        using var confirmed = await browser.GetAsync(Infrastructure.MailInbox.LinkTo(mail, "/account/confirm-email"));
        Assert.Contains("id=\"confirmed\"", await confirmed.Content.ReadAsStringAsync());
        return email;
    }

    /// <summary>The first admin, from the AppHost's parameters.</summary>
    public static async Task<(string Email, string Password)> AdminAsync(DistributedApplication app) =>
        (await ParameterAsync(app, "identity-admin-email"), await ParameterAsync(app, "identity-admin-password"));

    /// <summary>A person's tokens, by the authorization code flow with PKCE through web's client registration.</summary>
    public static async Task<JsonElement> UserTokensAsync(DistributedApplication app, string email, string password = Password, string scope = AllScopes) =>
        await TokenAsync(app, (await AuthorizationCodeAsync(app, email, password, scope)).Exchange);

    /// <summary>Signs in and authorizes web's client; returns the code and the token request that exchanges it.</summary>
    public static async Task<(string Code, Dictionary<string, string> Exchange)> AuthorizationCodeAsync(DistributedApplication app, string email, string password = Password, string scope = AllScopes)
    {
        var identity = IdentityUrl(app);
        var redirectUri = new Uri(app.GetEndpoint("web"), "/signin-oidc").ToString();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        using var browser = Browser(identity);
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "platform-web",
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = "test",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });
        using var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginPage = toLogin.Headers.Location!.ToString();
        var form = await browser.GetStringAsync(loginPage);
        using var signedIn = await browser.PostAsync(loginPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = QueryHelpers.ParseQuery(new Uri(identity, loginPage).Query)["ReturnUrl"].ToString(),
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"signing in {email} answered {(int)signedIn.StatusCode}");
        using var withCode = await browser.GetAsync(signedIn.Headers.Location);
        var callback = withCode.Headers.Location ?? throw new Xunit.Sdk.XunitException($"no code: {(int)withCode.StatusCode} {await withCode.Content.ReadAsStringAsync()}");
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        return (code, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = "platform-web",
            ["client_secret"] = await ParameterAsync(app, "identity-web-secret"),
            ["code_verifier"] = verifier,
        });
    }

    public static async Task<string> UserAccessTokenAsync(DistributedApplication app, string email, string password = Password, string scope = AllScopes) =>
        (await UserTokensAsync(app, email, password, scope)).GetProperty("access_token").GetString()!;

    /// <summary>The CLI client's token, by client credentials.</summary>
    public static async Task<string> ClientAccessTokenAsync(DistributedApplication app, string scope = "assets.read assets.write") =>
        (await TokenAsync(app, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "platform-cli",
            ["client_secret"] = await ParameterAsync(app, "identity-cli-secret"),
            ["scope"] = scope,
        })).GetProperty("access_token").GetString()!;

    public static async Task<JsonElement> TokenAsync(DistributedApplication app, Dictionary<string, string> form)
    {
        using var client = new HttpClient { BaseAddress = IdentityUrl(app) };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"the token endpoint answered {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Posts the provider's sign-in form; the status and the page it answers with.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> PasswordSignInAsync(DistributedApplication app, string email, string password)
    {
        using var browser = Browser(IdentityUrl(app));
        var form = await browser.GetStringAsync("/account/login");
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A token request that should fail: its status and OAuth error.</summary>
    public static async Task<(HttpStatusCode Status, string? Error)> TokenErrorAsync(HttpClient identity, Dictionary<string, string> form)
    {
        using var response = await identity.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.TryGetProperty("error", out var error) ? error.GetString() : null);
    }

    /// <summary>web's refresh of a session whose tokens are <paramref name="session"/>.</summary>
    public static async Task<Dictionary<string, string>> RefreshFormAsync(DistributedApplication app, JsonElement session) => new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = session.GetProperty("refresh_token").GetString()!,
        ["client_id"] = "platform-web",
        ["client_secret"] = await ParameterAsync(app, "identity-web-secret"),
    };

    /// <summary>An api client that calls as <paramref name="accessToken"/>.</summary>
    public static HttpClient ApiAs(DistributedApplication app, string accessToken)
    {
        var api = app.CreateHttpClient("api");
        api.Timeout = TimeSpan.FromMinutes(2);
        api.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return api;
    }

    /// <summary>A browser on web, signed in as <paramref name="email"/> through web's own OpenID Connect sign-in. It does
    /// not follow redirects, so that a test sees them.</summary>
    public static async Task<HttpClient> WebAsAsync(DistributedApplication app, string email, string password = Password)
    {
        var web = Browser(app.GetEndpoint("web"));
        var next = new Uri(web.BaseAddress!, "/");
        for (var hop = 0; hop < 12; hop++)
        {
            using var response = await web.GetAsync(next);
            if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            {
                var page = await response.Content.ReadAsStringAsync();
                if (AutoPostForm().Match(page) is { Success: true } autoPost)
                {
                    // The provider answers with a form that a browser posts at once (response_mode=form_post).
                    var fields = HiddenField().Matches(page).ToDictionary(f => f.Groups["name"].Value, f => WebUtility.HtmlDecode(f.Groups["value"].Value));
                    using var posted = await web.PostAsync(WebUtility.HtmlDecode(autoPost.Groups["action"].Value), new FormUrlEncodedContent(fields));
                    Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"posting the code to web answered {(int)posted.StatusCode}");
                    next = new Uri(new Uri(WebUtility.HtmlDecode(autoPost.Groups["action"].Value)), posted.Headers.Location!);
                    continue;
                }
                if (!page.Contains("name=\"Password\"", StringComparison.Ordinal))
                {
                    Assert.True(response.IsSuccessStatusCode, $"{next} answered {(int)response.StatusCode}");
                    return web;
                }
                // The provider's sign-in page: sign in, and follow where it sends the browser back to.
                using var signedIn = await web.PostAsync(next, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = email,
                    ["Password"] = password,
                    ["ReturnUrl"] = QueryHelpers.ParseQuery(next.Query)["ReturnUrl"].ToString(),
                    ["__RequestVerificationToken"] = AntiforgeryToken(page),
                }));
                Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"signing in at {next} answered {(int)signedIn.StatusCode}");
                next = new Uri(next, signedIn.Headers.Location!);
                continue;
            }
            next = new Uri(next, response.Headers.Location!);
        }
        throw new Xunit.Sdk.XunitException("signing in to web did not settle within 12 redirects");
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new Xunit.Sdk.XunitException("the page has no antiforgery token");

    /// <summary>Cookies kept as a browser keeps them on localhost (<see cref="TestBrowserHandler"/>), redirects not followed.</summary>
    public static HttpClient Browser(Uri baseAddress) => new(new TestBrowserHandler()) { BaseAddress = baseAddress };

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]*/signin-oidc)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AutoPostForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"|name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"|value=\"(?<token>[^\"]+)\" name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryField();
}
