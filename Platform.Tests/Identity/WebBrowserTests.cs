using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Aspire.Hosting.Testing;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>web in a real browser, as a person goes through it: register at the provider and confirm the address with the
/// mail the catcher received, upload (straight to the store, with progress), download (from the store, through web's
/// redirect), see only their own assets, sign out, and be asked to sign in again; choose a new password with the link of
/// a mail.</summary>
[Collection("graph")]
public sealed class WebBrowserTests(GraphFixture fixture, Chromium chromium) : IClassFixture<Chromium>
{
    private const float Patience = 30_000;

    [Fact]
    public async Task A_person_registers_uploads_sees_only_their_own_assets_and_signs_out()
    {
        // Someone else's asset, which she must not see.
        var other = await IdentityFlows.RegisterAsync(fixture.App);
        using (var otherApi = IdentityFlows.ApiAs(fixture.App, await IdentityFlows.UserAccessTokenAsync(fixture.App, other)))
        {
            (await otherApi.PostAsync("/api/assets", Workload.Workload.Form("theirs\n"u8.ToArray(), "someone-elses.txt"))).EnsureSuccessStatusCode();
        }
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"browser-{Guid.NewGuid():N}@example.test";

        // Anonymous: web sends her to the provider's sign-in page, from which she registers.
        await page.GotoAsync(fixture.App.GetEndpoint("web").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in", new() { Timeout = Patience });
        await page.Locator("a", new() { HasTextString = "Register" }).ClickAsync();
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync(IdentityFlows.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#check-mail")).ToBeVisibleAsync(new() { Timeout = Patience });
        var (_, mail) = await MailInbox.WaitForAsync(fixture.App, email, "Confirm your e-mail address");
        await page.GotoAsync(MailInbox.LinkTo(mail, "/account/confirm-email").ToString());
        await Assertions.Expect(page.Locator("#confirmed")).ToBeVisibleAsync(new() { Timeout = Patience });
        await SignInThroughWebAsync(page, email, IdentityFlows.Password);

        // The bytes go from the browser to the store, not to web: every request the page sends is recorded.
        var web = fixture.App.GetEndpoint("web");
        var sent = new List<(string Method, Uri Url)>();
        page.Request += (_, request) => sent.Add((request.Method, new Uri(request.Url)));
        await page.Locator("header a", new() { HasTextString = "Upload" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "mine.txt", MimeType = "text/plain", Buffer = "my own\n"u8.ToArray() });
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("mine.txt", new() { Timeout = Patience });
        Assert.Contains(sent, r => r.Method == "PUT" && r.Url.Authority != web.Authority && r.Url.Query.Contains("X-Amz-Signature"));
        Assert.DoesNotContain(sent, r => r.Url.Authority == web.Authority && r.Url.AbsolutePath == "/uploads");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a", new() { HasTextString = "Download" }).ClickAsync());
        Assert.Equal("mine.txt", download.SuggestedFilename);
        Assert.Contains(sent, r => r.Method == "GET" && r.Url.Authority != web.Authority && r.Url.Query.Contains("X-Amz-Signature"));
        Assert.Equal("my own\n", await File.ReadAllTextAsync(await download.PathAsync()));

        await page.Locator("header a", new() { HasTextString = "Assets" }).ClickAsync();
        await Assertions.Expect(page.Locator("a", new() { HasTextString = "mine.txt" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a", new() { HasTextString = "someone-elses.txt" })).ToHaveCountAsync(0);
        await Chromium.SaveScreenshotAsync(page, "web-signed-in");

        await page.Locator("header button", new() { HasTextString = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = Patience });
        await page.GotoAsync(fixture.App.GetEndpoint("web").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in", new() { Timeout = Patience });
    }

    [Fact]
    public async Task A_person_chooses_a_new_password_with_the_link_of_a_mail_and_signs_in_with_it()
    {
        var email = await IdentityFlows.RegisterAsync(fixture.App);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.App.GetEndpoint("web").ToString());
        await page.Locator("a", new() { HasTextString = "Forgot your password?" }).ClickAsync();
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#sent")).ToBeVisibleAsync(new() { Timeout = Patience });
        var (_, mail) = await MailInbox.WaitForAsync(fixture.App, email, "Choose a new password");
        await page.GotoAsync(MailInbox.LinkTo(mail, "/account/reset-password").ToString());
        await page.Locator("input[name=Password]").FillAsync("Another-horse-10");
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#password-changed")).ToBeVisibleAsync(new() { Timeout = Patience });

        await SignInThroughWebAsync(page, email, "Another-horse-10");
    }

    /// <summary>Opens web, which sends the browser to the provider's sign-in page, and signs in there.</summary>
    private async Task SignInThroughWebAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(fixture.App.GetEndpoint("web").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in", new() { Timeout = Patience });
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(email, new() { Timeout = Patience });
    }
}
