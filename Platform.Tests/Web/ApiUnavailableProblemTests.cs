using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Platform.Tests.Infrastructure;
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

    private FailingEndpoint _endpoint = null!;

    private HttpClient Client => _endpoint.Client;

    /// <summary>Polly 8's exception (what web's resilience handler throws), by name: the tests also see Polly 7, with
    /// types of the same names, through another package.</summary>
    private static Exception PollyCore(string type, string message) =>
        (Exception)Activator.CreateInstance(Type.GetType($"{type}, Polly.Core", throwOnError: true)!, message)!;

    public async Task InitializeAsync() =>
        _endpoint = await FailingEndpoint.StartAsync(Failures, builder => builder.Services.AddApiProblemResponses(), app => app.UseApiProblemResponses());

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Theory]
    [InlineData("refused")]
    [InlineData("api-503")]
    [InlineData("timed-out")]
    [InlineData("circuit-open")]
    [InlineData("too-many-in-flight")]
    public async Task An_api_out_of_reach_is_a_503_with_Retry_After(string failure)
    {
        using var response = await Client.GetAsync($"/fail/{failure}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(ApiProblemResponses.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("api is unavailable", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bug_stays_a_500_without_Retry_After()
    {
        using var response = await Client.GetAsync("/fail/bug");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }
}
