namespace Platform.Tests.Workload.Fuzz;

/// <summary>The api's cases other than bodies: ids of every wrong shape on every route that takes one, paging out of range,
/// uploads, authentication, huge and invalid headers, methods a route does not have.</summary>
public static class ApiCases
{
    /// <summary>Every route that takes an id, with its method.</summary>
    private static readonly (HttpMethod Method, string Template)[] IdRoutes =
    [
        (HttpMethod.Get, "/api/assets/{0}"), (HttpMethod.Get, "/api/assets/{0}/content"), (HttpMethod.Get, "/api/assets/{0}/report"),
        (HttpMethod.Delete, "/api/assets/{0}"), (HttpMethod.Get, "/api/jobs/{0}"), (HttpMethod.Post, "/api/uploads/{0}/complete"),
    ];

    /// <summary>Every endpoint, as a request that would succeed for the asset's owner (a DELETE only of an unknown asset).</summary>
    private static (HttpMethod Method, string Path, bool Writes)[] Endpoints(Guid assetId, Guid jobId) =>
    [
        (HttpMethod.Get, "/api/assets", false), (HttpMethod.Get, $"/api/assets/{assetId}", false), (HttpMethod.Get, $"/api/assets/{assetId}/content", false),
        (HttpMethod.Get, $"/api/assets/{assetId}/report", false), (HttpMethod.Post, "/api/assets", true), (HttpMethod.Delete, $"/api/assets/{Guid.NewGuid()}", true),
        (HttpMethod.Post, "/api/jobs", true), (HttpMethod.Get, $"/api/jobs/{jobId}", false), (HttpMethod.Get, "/api/analytics/summary", false),
        (HttpMethod.Post, "/api/uploads", true),
    ];

    public static IEnumerable<FuzzCase> BadIds(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (method, template) = random.Pick(IdRoutes);
            var (segment, what) = random.BadId();
            yield return new FuzzCase($"{what} in {template}", FuzzSender.Person, method, string.Format(template, segment),
                RefusedByKestrel: BadValues.RefusedByKestrel(segment));
        }
    }

    public static IEnumerable<FuzzCase> BadPages(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (value, isPageSize, what) = random.BadPage();
            var query = isPageSize ? $"pageIndex={random.Next(0, 3)}&pageSize={value}" : $"pageIndex={value}&pageSize={random.Next(1, 101)}";
            yield return new FuzzCase(what, FuzzSender.Person, HttpMethod.Get, $"/api/assets?{query}");
        }
    }

    public static IEnumerable<FuzzCase> BadUploads(Random random, int count) =>
        UploadCases.Bodies(random, count).Select(upload =>
            new FuzzCase(upload.What, FuzzSender.Person, HttpMethod.Post, "/api/assets", Multipart.Content(upload.Body, upload.ContentType)));

    /// <summary>Requests without a usable token (401), or with one that may only read sent to write (403).</summary>
    public static IEnumerable<FuzzCase> BadAuthentication(Random random, Guid assetId, Guid jobId, string validToken, int count)
    {
        var endpoints = Endpoints(assetId, jobId);
        for (var i = 0; i < count; i++)
        {
            var (method, path, writes) = random.Pick(endpoints);
            var body = method == HttpMethod.Post ? BodyFor(random, path, assetId) : null;
            if (writes && random.Next(4) == 0)
            {
                yield return new FuzzCase("a token without the write scope", FuzzSender.ReadOnly, method, path, body);
                continue;
            }
            var (authorization, what) = random.Next(7) switch
            {
                0 => ((string?)null, "no Authorization header"),
                1 => ("Bearer", "a Bearer scheme without a token"),
                2 => ($"Bearer {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(random.Text(10, 200)))}", "a token of random bytes"),
                3 => ("Basic dXNlcjpwYXNzd29yZA==", "Basic credentials"),
                4 => ($"Bearer {Tamper(random, validToken)}", "a token whose signature was changed"),
                5 => ($"Bearer {validToken[..random.Next(10, validToken.Length - 1)]}", "a truncated token"),
                _ => ($"Bearer {new string('A', random.Next(5000, 12000))}", "a token of up to 12 KB of nothing"),
            };
            yield return new FuzzCase(what, FuzzSender.AsTheCaseSays, method, path, body,
                authorization is null ? [] : [new("Authorization", authorization)]);
        }
    }

    /// <summary>One header over the api's per-header limit, or many that are over its total; and Content-Types that do not parse.</summary>
    public static IEnumerable<FuzzCase> BadHeaders(Random random, Guid assetId, Guid jobId, int count)
    {
        var endpoints = Endpoints(assetId, jobId);
        for (var i = 0; i < count; i++)
        {
            var (method, path, _) = random.Pick(endpoints);
            var body = method == HttpMethod.Post ? BodyFor(random, path, assetId) : null;
            switch (random.Next(4))
            {
                case 0:
                    // Over the api's limit, under Kestrel's 32 KB with the token and the rest.
                    var size = random.Next(17 * 1024, 29 * 1024);
                    yield return new FuzzCase($"a header of {size} bytes", FuzzSender.Person, method, path, body,
                        [new(random.Pick(["X-Fuzz", "Cookie", "Referer", "User-Agent", "Accept"]), new string('h', size))]);
                    break;
                case 1:
                    var headers = Enumerable.Range(0, 8).Select(n => new KeyValuePair<string, string>($"X-Fuzz-{n}", new string('h', random.Next(3100, 3500)))).ToList();
                    yield return new FuzzCase($"{headers.Count} headers of over 3 KB", FuzzSender.Person, method, path, body, headers);
                    break;
                case 2:
                    var huge = random.Next(40 * 1024, 100 * 1024);
                    yield return new FuzzCase($"a header of {huge} bytes, over Kestrel's limit", FuzzSender.Person, method, path, body,
                        [new("X-Fuzz", new string('h', huge))], RefusedByKestrel: true);
                    break;
                default:
                    var post = random.Pick(endpoints.Where(e => e.Method == HttpMethod.Post).ToList());
                    var contentType = random.Pick(["multipart/form-data; boundary=\"unterminated", "application/json; charset=no-such-charset", "application/json; charset=utf-7",
                        "multipart/form-data; boundary=a; boundary=b", "multipart/form-data; boundary=\"a\"b\"", "application/json, text/plain", "text/plain; charset=\"", "*/*"]);
                    var original = BodyFor(random, post.Path, assetId);
                    yield return new FuzzCase($"the Content-Type '{contentType}'", FuzzSender.Person, post.Method, post.Path, () =>
                    {
                        var content = original();
                        content!.Headers.Remove("Content-Type");
                        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                        return content;
                    });
                    break;
            }
        }
    }

    /// <summary>A method the route does not have.</summary>
    public static IEnumerable<FuzzCase> WrongMethods(Random random, Guid assetId, Guid jobId, int count)
    {
        (HttpMethod, string)[] wrong =
        [
            (HttpMethod.Put, "/api/assets"), (HttpMethod.Patch, $"/api/assets/{assetId}"), (HttpMethod.Post, $"/api/assets/{assetId}"),
            (HttpMethod.Put, $"/api/assets/{assetId}/content"), (HttpMethod.Delete, "/api/jobs"), (HttpMethod.Put, $"/api/jobs/{jobId}"),
            (HttpMethod.Delete, $"/api/jobs/{jobId}"), (HttpMethod.Post, "/api/analytics/summary"), (HttpMethod.Delete, "/api/assets"),
        ];
        for (var i = 0; i < count; i++)
        {
            var (method, path) = random.Pick(wrong);
            yield return new FuzzCase($"{method} on a route without it", FuzzSender.Person, method, path);
        }
    }

    /// <summary>A body the endpoint would accept, so that the case's one fault is what it is about.</summary>
    private static Func<HttpContent?> BodyFor(Random random, string path, Guid assetId) => path switch
    {
        "/api/jobs" => Multipart.Content(System.Text.Encoding.UTF8.GetBytes($"{{\"type\": \"ping\", \"assetId\": \"{assetId}\"}}"), "application/json"),
        "/api/uploads" => Multipart.Content(System.Text.Encoding.UTF8.GetBytes($"{{\"fileName\": \"fine.txt\", \"contentType\": \"text/plain\", \"size\": {random.Next(1, 100)}}}"), "application/json"),
        _ => Multipart.Content(Multipart.Body(Multipart.Boundary, Multipart.FilePart("fine.txt", System.Text.Encoding.UTF8.GetBytes(random.Text(1, 100)))), Multipart.ContentType()),
    };

    private static string Tamper(Random random, string token)
    {
        var at = token.LastIndexOf('.') + 1 + random.Next(1, 20);
        return string.Concat(token.AsSpan(0, at), token[at] == 'A' ? "B" : "A", token.AsSpan(at + 1));
    }
}
