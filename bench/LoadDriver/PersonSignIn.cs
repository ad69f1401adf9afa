using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace LoadDriver;

/// <summary>
/// Registers a person at identity and signs them in as a browser does (the pages' forms with their antiforgery
/// tokens): an api access token by the authorization code flow with PKCE through web's client registration, and a
/// web cookie session through web's own OpenID Connect sign-in. The same flows as Platform.Tests/Identity/IdentityFlows.cs.
/// </summary>
internal static partial class PersonSignIn
{
    private const string Scopes = "openid profile email roles offline_access assets.read assets.write";

    public static async Task RegisterAsync(HttpClient browser, Endpoints endpoints, string email, string password)
    {
        var register = new Uri(endpoints.Identity, "/account/register");
        var form = await browser.GetStringAsync(register);
        using var response = await browser.PostAsync(register, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        Expect(response, HttpStatusCode.Redirect, $"registering {email}");
    }

    /// <summary>The person's access token for the api.</summary>
    public static async Task<string> AccessTokenAsync(HttpClient browser, Endpoints endpoints, string email, string password)
    {
        var redirectUri = new Uri(endpoints.Web, "/signin-oidc").ToString();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var next = new Uri(endpoints.Identity, QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "platform-web",
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = Scopes,
            ["state"] = "bench",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        }));
        for (var hop = 0; hop < 8; hop++)
        {
            using var response = await browser.GetAsync(next);
            if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            {
                next = await SignInAtPageAsync(browser, next, response, email, password);
                continue;
            }
            var location = new Uri(next, response.Headers.Location!);
            if (location.AbsoluteUri.StartsWith(redirectUri, StringComparison.Ordinal))
            {
                return await ExchangeAsync(browser, endpoints, QueryHelpers.ParseQuery(location.Query)["code"].ToString(), redirectUri, verifier);
            }
            next = location;
        }
        throw new InvalidOperationException($"the authorization of {email} did not settle within 8 redirects");
    }

    /// <summary>Signs the browser in to web: follows web's redirects to identity and back, posting what a browser posts.</summary>
    public static async Task WebSessionAsync(HttpClient browser, Endpoints endpoints, string email, string password)
    {
        var next = new Uri(endpoints.Web, "/");
        for (var hop = 0; hop < 12; hop++)
        {
            using var response = await browser.GetAsync(next);
            if (response.StatusCode == HttpStatusCode.Redirect || response.StatusCode == HttpStatusCode.Found)
            {
                next = new Uri(next, response.Headers.Location!);
                continue;
            }
            var page = await response.Content.ReadAsStringAsync();
            if (AutoPostForm().Match(page) is { Success: true } autoPost)
            {
                // The provider answers with a form that a browser posts at once (response_mode=form_post).
                var action = new Uri(WebUtility.HtmlDecode(autoPost.Groups["action"].Value));
                var fields = HiddenField().Matches(page).ToDictionary(f => f.Groups["name"].Value, f => WebUtility.HtmlDecode(f.Groups["value"].Value));
                using var posted = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
                Expect(posted, HttpStatusCode.Redirect, "posting the code to web");
                next = new Uri(action, posted.Headers.Location!);
                continue;
            }
            if (!page.Contains("name=\"Password\"", StringComparison.Ordinal))
            {
                Expect(response, HttpStatusCode.OK, $"web's {next}");
                return;
            }
            next = await SignInAtPageAsync(browser, next, response, email, password, page);
        }
        throw new InvalidOperationException($"signing {email} in to web did not settle within 12 redirects");
    }

    /// <summary>On the provider's sign-in page: signs in and returns where the provider sends the browser next.</summary>
    private static async Task<Uri> SignInAtPageAsync(HttpClient browser, Uri page, HttpResponseMessage response, string email, string password, string? html = null)
    {
        html ??= await response.Content.ReadAsStringAsync();
        if (!html.Contains("name=\"Password\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} without a sign-in form");
        }
        using var signedIn = await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = QueryHelpers.ParseQuery(page.Query)["ReturnUrl"].ToString(),
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
        }));
        Expect(signedIn, HttpStatusCode.Redirect, $"signing {email} in");
        return new Uri(page, signedIn.Headers.Location!);
    }

    private static async Task<string> ExchangeAsync(HttpClient browser, Endpoints endpoints, string code, string redirectUri, string verifier)
    {
        using var response = await browser.PostAsync(new Uri(endpoints.Identity, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = "platform-web",
            ["client_secret"] = endpoints.WebClientSecret,
            ["code_verifier"] = verifier,
        }));
        Expect(response, HttpStatusCode.OK, "the code exchange");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, not {(int)expected}");
        }
    }

    private static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new InvalidOperationException("the page has no antiforgery token");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]*/signin-oidc)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AutoPostForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"|name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"|value=\"(?<token>[^\"]+)\" name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryField();
}
