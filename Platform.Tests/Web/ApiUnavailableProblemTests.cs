using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.Web.Api;
using Polly.RateLimiting;

namespace Platform.Tests.Web;

/// <summary>
/// Web's answer when a page's call to the api fails, on a real Kestrel with web's own problem responses: every way the
/// api can be out of reach, including the resilience handler holding calls back under overload, is a 503 with
/// Retry-After, never a 500; a bug stays a 500.
/// </summary>
[Trait("Tier", "Fast")]
public sealed class ApiUnavailableProblemTests : IAsyncLifetime
{
    private static readonly Dictionary<string, Func<Exception>> Failures = new()
    {
        ["refused"] = () => new HttpRequestException("Connection refused (127.0.0.1:5000)", new SocketException((int)SocketError.ConnectionRefused)),
        ["api-503"] = () => new HttpRequestException("Response status code does not indicate success: 503", null, HttpStatusCode.ServiceUnavailable),
        ["timed-out"] = () => PollyCore("Polly.Timeout.TimeoutRejectedException", "The operation didn't complete within the allowed timeout of '00:00:10'."),
        ["circuit-open"] = () => PollyCore("Polly.CircuitBreaker.BrokenCircuitException", "The circuit is now open and is not allowing calls."),
        ["too-many-in-flight"] = () => new RateLimiterRejectedException("The operation could not be executed because it was rejected by the rate limiter."),
        ["bug"] = () => new InvalidOperationException("a bug"),
    };

    private WebApplication _app = null!;

    /// <summary>Polly 8's exception (what web's resilience handler throws), by name: the tests also see Polly 7, with
    /// types of the same names, through another package.</summary>
    private static Exception PollyCore(string type, string message) =>
        (Exception)Activator.CreateInstance(Type.GetType($"{type}, Polly.Core", throwOnError: true)!, message)!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddApiProblemResponses();
        _app = builder.Build();
        _app.UseApiProblemResponses();
        _app.MapGet("/fail/{name}", (string name) => { throw Failures[name](); });
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("refused")]
    [InlineData("api-503")]
    [InlineData("timed-out")]
    [InlineData("circuit-open")]
    [InlineData("too-many-in-flight")]
    public async Task An_api_out_of_reach_is_a_503_with_Retry_After(string failure)
    {
        using var response = await _client.GetAsync($"/fail/{failure}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(ApiProblemResponses.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("api is unavailable", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bug_stays_a_500_without_Retry_After()
    {
        using var response = await _client.GetAsync("/fail/bug");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }
}
