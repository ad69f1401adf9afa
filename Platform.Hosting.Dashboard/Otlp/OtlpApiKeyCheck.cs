using Microsoft.AspNetCore.Http;
using Platform.Hosting.Projects;

namespace Platform.Hosting.Dashboard.Otlp;

/// <summary>
/// Refuses a request without the run's key from its headers, before anything reads its body: an export may be up to
/// 16 MB, and a gRPC interceptor only runs once the message has been received and parsed. gRPC gets its own answer
/// (a trailers-only response with status UNAUTHENTICATED), HTTP a 401.
/// </summary>
internal sealed class OtlpApiKeyCheck(DashboardEndpoints endpoints)
{
    private const int GrpcUnauthenticated = 16;

    public async Task RequireKeyAsync(HttpContext context, RequestDelegate next)
    {
        if (DashboardEndpoints.Matches(context.Request.Headers[OtlpEnvironment.ApiKeyHeader], endpoints.OtlpApiKey))
        {
            await next(context);
            return;
        }
        if (context.Connection.LocalPort == endpoints.OtlpGrpcPort)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = GrpcUnauthenticated.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = $"Missing or wrong '{OtlpEnvironment.ApiKeyHeader}' header.";
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
    }
}
