using System.Net;
using Microsoft.Extensions.Configuration;
using Aspire.Hosting.Testing;
using Platform.Identity;
using Platform.Identity.Mail;
using Platform.Identity.Pages.Account;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>What one person (or a stranger) can do to another's account, and what they learn: failed passwords slow
/// down instead of locking out, answers do not tell which accounts exist, one account's sign-ins do not use up another's
/// token requests, a password reset by mail ends the account's sessions, and no page may be framed.</summary>
[Collection("graph")]
public sealed class AccountAbuseTests(GraphFixture fixture)
{
    private static readonly ProviderOptions Provider =
        ServiceSettings.Read("Platform.Identity").GetSection(ProviderOptions.SectionName).Get<ProviderOptions>() ?? new ProviderOptions();

    [Fact]
    public async Task Five_wrong_passwords_leave_the_owner_able_to_sign_in_and_keep_their_session()
    {
        var email = await IdentityFlows.RegisterAsync(fixture.App);
        var session = await IdentityFlows.UserTokensAsync(fixture.App, email);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (status, page) = await IdentityFlows.PasswordSignInAsync(fixture.App, email, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(LoginModel.Refused, page);
        }

        // Not locked: the right password signs her in, and her live session still refreshes.
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityFlows.PasswordSignInAsync(fixture.App, email, IdentityFlows.Password)).Status);
        await IdentityFlows.TokenAsync(fixture.App, await IdentityFlows.RefreshFormAsync(fixture.App, session));
    }

    [Fact]
    public async Task Unknown_accounts_wrong_passwords_and_taken_addresses_get_the_same_answers()
    {
        var email = await IdentityFlows.RegisterAsync(fixture.App);

        var wrong = await IdentityFlows.PasswordSignInAsync(fixture.App, email, "Wrong-password-1");
        var unknown = await IdentityFlows.PasswordSignInAsync(fixture.App, $"nobody-{Guid.NewGuid():N}@example.test", "Wrong-password-1");
        Assert.Equal(wrong.Status, unknown.Status);
        Assert.Contains(LoginModel.Refused, wrong.Page);
        Assert.Contains(LoginModel.Refused, unknown.Page);

        // Registering a taken address looks like registering a new one; the owner is told by mail.
        var before = await MailInbox.CountAsync(fixture.App, email);
        var (taken, takenPage) = await RegisterAgainAsync(email);
        Assert.Equal(HttpStatusCode.OK, taken);
        Assert.Contains("id=\"check-mail\"", takenPage);
        Assert.DoesNotContain("taken", takenPage, StringComparison.OrdinalIgnoreCase);
        await MailInbox.WaitForAsync(fixture.App, email, "You already have an account");
        Assert.True(await MailInbox.CountAsync(fixture.App, email) > before);
    }

    [Fact]
    public async Task One_account_looping_sign_ins_does_not_make_another_users_refresh_fail()
    {
        var other = await IdentityFlows.UserTokensAsync(fixture.App, await IdentityFlows.RegisterAsync(fixture.App));
        var looper = await IdentityFlows.RegisterAsync(fixture.App);
        using var identity = new HttpClient { BaseAddress = IdentityFlows.IdentityUrl(fixture.App) };

        // Every redemption comes from the same client (web) and, here, the same address, as web's do.
        var refused = false;
        for (var round = 0; round <= Provider.TokenRequestsPerMinute && !refused; round++)
        {
            var (_, exchange) = await IdentityFlows.AuthorizationCodeAsync(fixture.App, looper);
            using var redeemed = await identity.PostAsync("/connect/token", new FormUrlEncodedContent(exchange));
            refused = redeemed.StatusCode == HttpStatusCode.TooManyRequests;
            Assert.True(refused || redeemed.IsSuccessStatusCode, $"round {round}: {(int)redeemed.StatusCode}");
            Assert.True(!refused || redeemed.Headers.RetryAfter is not null, "a 429 without Retry-After");
        }
        Assert.True(refused, $"the looping account was never limited within {Provider.TokenRequestsPerMinute + 1} sign-ins");

        // The other person's refresh, from the same client and address, is in a bucket of its own.
        await IdentityFlows.TokenAsync(fixture.App, await IdentityFlows.RefreshFormAsync(fixture.App, other));
    }

    [Fact]
    public async Task A_password_reset_by_mail_ends_the_sessions_of_the_account()
    {
        var email = await IdentityFlows.RegisterAsync(fixture.App);
        var session = await IdentityFlows.UserTokensAsync(fixture.App, email);
        using var browser = IdentityFlows.Browser(IdentityFlows.IdentityUrl(fixture.App));
        var forgot = await browser.GetStringAsync("/account/forgot-password");
        using var asked = await browser.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["__RequestVerificationToken"] = IdentityFlows.AntiforgeryToken(forgot),
        }));
        Assert.Contains("id=\"sent\"", await asked.Content.ReadAsStringAsync());
        var (_, mail) = await MailInbox.WaitForAsync(fixture.App, email, "Choose a new password");
        var link = MailInbox.LinkTo(mail, "/account/reset-password");
        var resetForm = await browser.GetStringAsync(link);
        using var reset = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = System.Web.HttpUtility.ParseQueryString(link.Query)["userId"]!,
            ["Code"] = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!,
            ["Password"] = "Another-horse-10",
            ["__RequestVerificationToken"] = IdentityFlows.AntiforgeryToken(resetForm),
        }));
        Assert.Contains("id=\"password-changed\"", await reset.Content.ReadAsStringAsync());

        using var client = new HttpClient { BaseAddress = IdentityFlows.IdentityUrl(fixture.App) };
        var refused = await IdentityFlows.TokenErrorAsync(client, await IdentityFlows.RefreshFormAsync(fixture.App, session));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), refused);
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityFlows.PasswordSignInAsync(fixture.App, email, "Another-horse-10")).Status);
    }

    [Fact]
    public async Task A_stranger_asking_for_mails_to_one_address_cannot_bury_its_inbox()
    {
        var email = await IdentityFlows.RegisterAsync(fixture.App);
        var budget = ServiceSettings.Read("Platform.Identity").GetSection(MailOptions.SectionName).Get<MailOptions>()?.MailsPerAddressPerHour ?? new MailOptions().MailsPerAddressPerHour;
        using var stranger = IdentityFlows.Browser(IdentityFlows.IdentityUrl(fixture.App));
        var form = await stranger.GetStringAsync("/account/forgot-password");
        for (var ask = 0; ask < budget + 3; ask++)
        {
            using var asked = await stranger.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["__RequestVerificationToken"] = IdentityFlows.AntiforgeryToken(form),
            }));
            // The same answer past the budget: it tells the stranger nothing.
            Assert.Contains("id=\"sent\"", await asked.Content.ReadAsStringAsync());
        }

        // The confirmation mail of the registration counts too: the budget in all, the rest not sent.
        await Eventually.TrueAsync(async () => await MailInbox.CountAsync(fixture.App, email) == budget, TimeSpan.FromSeconds(30), $"{budget} mails to {email}");
        Assert.Equal(budget, await MailInbox.CountAsync(fixture.App, email));
    }

    [Fact]
    public async Task Identitys_and_webs_pages_may_not_be_framed()
    {
        using var identity = new HttpClient { BaseAddress = IdentityFlows.IdentityUrl(fixture.App) };
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.GetEndpoint("web") };
        foreach (var response in new[] { await identity.GetAsync("/account/login"), await anonymous.GetAsync("/") })
        {
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            // Plain HTTP locally: HSTS only where the request came over HTTPS.
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
    }

    private async Task<(HttpStatusCode Status, string Page)> RegisterAgainAsync(string email)
    {
        using var browser = IdentityFlows.Browser(IdentityFlows.IdentityUrl(fixture.App));
        var form = await browser.GetStringAsync("/account/register");
        using var response = await browser.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "Some-other-password-2",
            ["__RequestVerificationToken"] = IdentityFlows.AntiforgeryToken(form),
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
