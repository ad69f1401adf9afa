namespace Platform.Tests.Workload.Fuzz;

/// <summary>One generated bad request: what makes it bad, who sends it, and what it is.</summary>
/// <param name="Body">The body and its headers (null: none); a function, so that the request can be built again.</param>
/// <param name="Headers">Request headers, added without validation (a bad one is the point).</param>
/// <param name="RefusedByKestrel">The request breaks HTTP itself (a NUL in its path, headers over 32 KB): Kestrel's
/// parser refuses it with a bare 4xx before any middleware runs, so no ProblemDetails can be written.</param>
public sealed record FuzzCase(string What, FuzzSender Sender, HttpMethod Method, string Path, Func<HttpContent?>? Body = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null, bool RefusedByKestrel = false)
{
    /// <summary>A POST or DELETE could write; only then are the bucket's objects counted around it (a listing each).</summary>
    public bool CouldWrite => Method != HttpMethod.Get;

    public HttpRequestMessage Build()
    {
        var request = new HttpRequestMessage(Method, Path) { Content = Body?.Invoke() };
        foreach (var (name, value) in Headers ?? [])
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }

    public override string ToString() => $"{What} ({Method} {(Path.Length > 120 ? Path[..120] + "…" : Path)})";
}
