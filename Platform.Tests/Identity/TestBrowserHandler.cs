namespace Platform.Tests.Identity;

/// <summary>
/// Keeps cookies for the tests' HTTP "browser" as a browser does on localhost: one jar for every port, and cookies
/// marked Secure sent over plain HTTP too (browsers count localhost as a secure context; .NET's CookieContainer does
/// not, and would drop web's OpenID Connect correlation cookies). Redirects are not followed. <paramref name="inner"/>
/// connects (it must neither follow redirects nor keep cookies); bench/LoadDriver compiles this file too.
/// </summary>
internal sealed class TestBrowserHandler(HttpMessageHandler? inner = null)
    : DelegatingHandler(inner ?? new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_cookies)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_cookies)
            {
                foreach (var setCookie in setCookies)
                {
                    Keep(setCookie);
                }
            }
        }
        return response;
    }

    private void Keep(string setCookie)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var nameValue = attributes[0].Split('=', 2);
        var expired = attributes.Skip(1).Any(a =>
            a.StartsWith("expires=", StringComparison.OrdinalIgnoreCase) && DateTimeOffset.TryParse(a[8..], out var at) && at < DateTimeOffset.UtcNow
            || a.Equals("max-age=0", StringComparison.OrdinalIgnoreCase));
        if (expired || nameValue.Length < 2 || nameValue[1].Length == 0)
        {
            _cookies.Remove(nameValue[0]);
        }
        else
        {
            _cookies[nameValue[0]] = nameValue[1];
        }
    }
}
