using System.Net;
using Platform.Tests.Graph;
using Platform.Tests.Identity;

namespace Platform.Tests.Workload;

/// <summary>The pages a signed-in person sees, as served (server-rendered: they work without JavaScript).</summary>
[Collection("graph")]
public sealed class WebTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    private HttpClient _web = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _web = await IdentityFlows.WebAsAsync(Fixture.App, Email);
    }

    /// <summary>Posts a file as the upload form does: to the address the form names, which carries its antiforgery token.</summary>
    private async Task<HttpResponseMessage> UploadThroughFormAsync(byte[] content, string fileName)
    {
        var form = await _web.GetStringAsync("/upload");
        var action = System.Text.RegularExpressions.Regex.Match(form, "action=\"(?<action>/uploads\\?[^\"]+)\"").Groups["action"].Value;
        Assert.NotEmpty(action);
        return await _web.PostAsync(WebUtility.HtmlDecode(action), Workload.Form(content, fileName));
    }

    public override async Task DisposeAsync()
    {
        _web.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Uploading_through_the_form_leads_to_the_detail_page_with_the_report()
    {
        using var response = await UploadThroughFormAsync("alpha beta\ngamma\n"u8.ToArray(), "from-web.txt");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/assets/", detail);
        await Workload.WaitForAssetAsync(Guid.Parse(detail["/assets/".Length..]), "done");
        var page = await _web.GetStringAsync(detail);
        Assert.Contains("<h1>from-web.txt</h1>", page);
        Assert.Contains("status-done", page);
        Assert.Contains("<dt>lines</dt><dd>2</dd>", page);
        Assert.Contains("<dt>words</dt><dd>3</dd>", page);
        Assert.Contains("<td>done</td>", page);
    }

    [Fact]
    public async Task The_asset_list_shows_uploads_with_their_status_and_links_to_them()
    {
        var id = (await Workload.UploadAsync("listed\n"u8.ToArray(), "listed <b>.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(id, "done");

        var page = await _web.GetStringAsync("/");

        Assert.Contains($"<a href=\"/assets/{id}\">listed &lt;b&gt;.txt</a>", page);
        Assert.Contains("<span class=\"status status-done\">done</span>", page);
    }

    [Fact]
    public async Task A_refused_upload_returns_to_the_form_with_the_reason()
    {
        using var response = await UploadThroughFormAsync([], "nothing.txt");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var form = await _web.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("The upload was refused: The file is empty.", form);
    }

    [Fact]
    public async Task The_detail_page_offers_the_download_of_the_exact_bytes_from_the_store()
    {
        var content = "download me\n"u8.ToArray();
        var id = (await Workload.UploadAsync(content, "download.txt")).GetProperty("id").GetGuid();

        using var redirect = await _web.GetAsync($"/assets/{id}/content");

        // web sends the browser on to the store: no byte passes through it.
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("no-store", redirect.Headers.CacheControl?.ToString());
        using var download = await Workload.Store.GetAsync(redirect.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await _web.GetAsync($"/assets/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_analytics_page_charts_assets_by_status_from_the_replica()
    {
        var id = (await Workload.UploadAsync("counted\n"u8.ToArray(), "counted.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(id, "done");

        var page = await _web.GetStringAsync("/analytics");

        Assert.Contains("Read from the <strong>replica</strong>", page);
        Assert.Contains("<svg role=\"img\" aria-label=\"Assets by status\"", page);
        Assert.Contains("data-status=\"done\"", page);
    }
}
