using System.Net;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>Bad posts to every form of web: the upload form (<c>/uploads</c>), the detail page's job and delete forms,
/// sign-out; without their antiforgery token, with another session's, and with bad contents.</summary>
public static class WebCases
{
    public static IEnumerable<FuzzCase> Generate(Random random, FuzzContext context, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(7) switch
            {
                0 => UploadWithoutToken(random, context),
                1 or 2 => BadUpload(random, context),
                3 => BadJobForm(random, context),
                4 => FormWithBadId(random, context),
                5 => FormWithoutToken(random, context),
                _ => DeleteOfUnknownAsset(context),
            };
        }
    }

    private static FuzzCase UploadWithoutToken(Random random, FuzzContext context)
    {
        var (path, what) = random.Next(3) switch
        {
            0 => ("/uploads", "an upload without the form's token"),
            1 => ($"/uploads?token={Uri.EscapeDataString(random.Text(10, 100))}", "an upload with a made-up token"),
            _ => (context.OtherSessionUploadAction, "an upload with another session's token"),
        };
        return new FuzzCase(what, FuzzSender.Browser, HttpMethod.Post, path,
            Multipart.Content(Multipart.Body(Multipart.Boundary, Multipart.FilePart("fine.txt", "fine\n"u8.ToArray())), Multipart.ContentType()));
    }

    private static FuzzCase BadUpload(Random random, FuzzContext context)
    {
        var upload = UploadCases.Bodies(random, 1).Single();
        return new FuzzCase($"through the upload form: {upload.What}", FuzzSender.Browser, HttpMethod.Post, context.UploadAction, Multipart.Content(upload.Body, upload.ContentType));
    }

    private static FuzzCase BadJobForm(Random random, FuzzContext context)
    {
        var type = random.Next(4) switch
        {
            0 => random.Text(1, 40),
            1 => random.BidiControl() + "ping",
            2 => new string('t', random.Next(1000, 50_000)),
            _ => "",
        };
        return new FuzzCase($"the job form with the type '{(type.Length > 40 ? type[..40] + "…" : type)}'", FuzzSender.Browser, HttpMethod.Post,
            $"/assets/{context.AssetId}?handler=Job", Form(("type", type), ("__RequestVerificationToken", context.FormToken)));
    }

    private static FuzzCase FormWithBadId(Random random, FuzzContext context)
    {
        var (segment, what) = random.BadId();
        var handler = random.Pick(["Job", "Delete"]);
        return new FuzzCase($"the {handler.ToLowerInvariant()} form for {what}", FuzzSender.Browser, HttpMethod.Post, $"/assets/{segment}?handler={handler}",
            Form(("type", "verify-asset"), ("__RequestVerificationToken", context.FormToken)), RefusedByKestrel: BadValues.RefusedByKestrel(segment));
    }

    private static FuzzCase FormWithoutToken(Random random, FuzzContext context)
    {
        var (path, what) = random.Pick([($"/assets/{context.AssetId}?handler=Delete", "the delete form"), ($"/assets/{context.AssetId}?handler=Job", "the job form"), ("/signout", "the sign-out form")]);
        var token = random.Pick<string?>([null, random.Text(20, 80), context.FormToken[..^4] + "AAAA"]);
        return new FuzzCase($"{what} {(token is null ? "without its token" : "with a wrong token")}", FuzzSender.Browser, HttpMethod.Post, path,
            token is null ? Form(("type", "verify-asset")) : Form(("type", "verify-asset"), ("__RequestVerificationToken", token)));
    }

    private static FuzzCase DeleteOfUnknownAsset(FuzzContext context) =>
        new("the delete form for an asset that does not exist", FuzzSender.Browser, HttpMethod.Post, $"/assets/{Guid.NewGuid()}?handler=Delete",
            Form(("__RequestVerificationToken", context.FormToken)));

    private static Func<HttpContent?> Form(params (string Name, string Value)[] fields) => () =>
        new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Whether web answered a bad form as its pages do: back to the form with the reason (<c>/upload?problem=…</c>).</summary>
    public static bool IsSentBackWithReason(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString is { } location
        && location.StartsWith("/upload?problem=", StringComparison.Ordinal)
        && location.Length > "/upload?problem=".Length;
}
