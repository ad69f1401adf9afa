using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Npgsql;
using Platform.Api.Problems;
using Platform.Tests.Infrastructure;
using StackExchange.Redis;

namespace Platform.Tests.Api;

/// <summary>
/// The api's problem responses, on a real Kestrel with the api's own middleware: each client's way of saying that
/// PostgreSQL, Redis or S3 is unreachable or overloaded becomes a 503 ProblemDetails with Retry-After that names the
/// dependency; an error about the request or a bug does not.
/// </summary>
[Trait("Tier", "Fast")]
public sealed class DependencyProblemTests : IAsyncLifetime
{
    private static readonly Dictionary<string, Func<Exception>> Failures = new()
    {
        ["pg-refused"] = () => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        ["pg-timeout"] = () => new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")),
        ["pg-starting-up"] = () => new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"),
        ["pg-shut-down"] = () => new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
        ["pg-too-many"] = () => new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"),
        ["pg-unique"] = () => new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"),
        ["redis-refused"] = () => new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is active/available to service this operation"),
        ["redis-timeout"] = () => new RedisTimeoutException("Timeout awaiting response", CommandStatus.Sent),
        ["redis-loading"] = () => new RedisServerException("LOADING Redis is loading the dataset in memory"),
        ["redis-wrong-type"] = () => new RedisServerException("WRONGTYPE Operation against a key holding the wrong kind of value"),
        ["s3-slow-down"] = () => new AmazonS3Exception("Please reduce your request rate.", ErrorType.Receiver, "SlowDown", "r1", HttpStatusCode.ServiceUnavailable),
        ["s3-internal"] = () => new AmazonS3Exception("We encountered an internal error.", ErrorType.Receiver, "InternalError", "r2", HttpStatusCode.InternalServerError),
        ["s3-refused"] = () => new AmazonServiceException("Connection refused", new HttpRequestException("Connection refused (127.0.0.1:9000)", new SocketException((int)SocketError.ConnectionRefused))),
        ["s3-http-refused"] = () => new HttpRequestException("Connection refused (127.0.0.1:9000)", new SocketException((int)SocketError.ConnectionRefused)),
        ["s3-denied"] = () => new AmazonS3Exception("Access Denied", ErrorType.Sender, "AccessDenied", "r3", HttpStatusCode.Forbidden),
        ["bug"] = () => new InvalidOperationException("a bug"),
    };

    private FailingEndpoint _endpoint = null!;

    private HttpClient Client => _endpoint.Client;

    public async Task InitializeAsync() =>
        _endpoint = await FailingEndpoint.StartAsync(Failures, builder => builder.AddProblemResponses(), app => app.UseProblemResponses());

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Theory]
    [InlineData("pg-refused", UnavailableDependency.PostgreSql)]
    [InlineData("pg-timeout", UnavailableDependency.PostgreSql)]
    [InlineData("pg-starting-up", UnavailableDependency.PostgreSql)]
    [InlineData("pg-shut-down", UnavailableDependency.PostgreSql)]
    [InlineData("pg-too-many", UnavailableDependency.PostgreSql)]
    [InlineData("redis-refused", UnavailableDependency.Redis)]
    [InlineData("redis-timeout", UnavailableDependency.Redis)]
    [InlineData("redis-loading", UnavailableDependency.Redis)]
    [InlineData("s3-slow-down", UnavailableDependency.S3)]
    [InlineData("s3-internal", UnavailableDependency.S3)]
    [InlineData("s3-refused", UnavailableDependency.S3)]
    [InlineData("s3-http-refused", UnavailableDependency.Unnamed)]
    public async Task An_unavailable_dependency_is_a_503_with_Retry_After_that_names_it(string failure, string dependency)
    {
        using var response = await Client.GetAsync($"/fail/{failure}");

        var problem = await ProblemAsync(response, 503);
        Assert.Equal(TimeSpan.FromSeconds(ProblemResponses.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal(dependency, problem.GetProperty("dependency").GetString());
        Assert.Contains(dependency, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("pg-unique")]
    [InlineData("redis-wrong-type")]
    [InlineData("s3-denied")]
    [InlineData("bug")]
    public async Task Any_other_failure_is_a_500_that_reveals_nothing(string failure)
    {
        using var response = await Client.GetAsync($"/fail/{failure}");

        var problem = await ProblemAsync(response, 500);
        Assert.Null(response.Headers.RetryAfter);
        Assert.False(problem.TryGetProperty("dependency", out _));
        Assert.DoesNotContain(Failures[failure]().Message, problem.GetRawText());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
