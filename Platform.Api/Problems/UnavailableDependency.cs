using System.Net.Sockets;
using Amazon.Runtime;
using Npgsql;
using StackExchange.Redis;

namespace Platform.Api.Problems;

/// <summary>
/// Which dependency an exception says is unreachable or overloaded (PostgreSQL, Redis, S3), or null when it says
/// something else (a bug, bad input). The one place that knows each client's transient failures: the answer to them is
/// 503 with Retry-After, since the same request will work once the dependency is back.
/// </summary>
public static class UnavailableDependency
{
    public const string PostgreSql = "PostgreSQL";
    public const string Redis = "Redis";
    public const string S3 = "S3";

    /// <summary>A network failure that no client above claimed.</summary>
    public const string Unnamed = "a service it depends on";

    /// <summary>SQLSTATE classes that mean the server, not the statement, is the problem: connection exception (08),
    /// insufficient resources (53), operator intervention (57: shut down, crashed, starting up).</summary>
    private static readonly string[] UnavailableSqlStateClasses = ["08", "53", "57"];

    /// <summary>Redis answers these while it loads its append-only file after a restart, or has lost its primary.</summary>
    private static readonly string[] UnavailableRedisReplies = ["LOADING", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN"];

    public static string? Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Classify(e) is { } dependency)
            {
                return dependency;
            }
        }
        return null;
    }

    private static string? Classify(Exception e) => e switch
    {
        PostgresException postgres => postgres.IsTransient || IsUnavailableSqlState(postgres.SqlState) ? PostgreSql : null,
        // Not a server's answer: the connection failed, broke or timed out.
        NpgsqlException => PostgreSql,
        RedisConnectionException or RedisTimeoutException => Redis,
        RedisServerException reply when UnavailableRedisReplies.Any(prefix => reply.Message.StartsWith(prefix, StringComparison.Ordinal)) => Redis,
        // Throttling (503 SlowDown) and the service's own errors; its 4xx are answers about the request.
        AmazonServiceException service when (int)service.StatusCode >= 500 || IsNetworkFailure(service.InnerException) => S3,
        AmazonClientException client when IsNetworkFailure(client.InnerException) => S3,
        // The S3 client lets its HTTP client's own exception through; its frames are in the trace.
        HttpRequestException or SocketException or TimeoutException => e.StackTrace?.Contains("Amazon.Runtime.", StringComparison.Ordinal) == true ? S3 : Unnamed,
        _ => null,
    };

    private static bool IsNetworkFailure(Exception? e) => e is HttpRequestException or SocketException or IOException or TimeoutException;

    private static bool IsUnavailableSqlState(string sqlState) =>
        UnavailableSqlStateClasses.Any(sqlClass => sqlState.StartsWith(sqlClass, StringComparison.Ordinal));
}
