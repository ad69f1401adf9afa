using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Platform.Api.Http;

/// <summary>200 with a <typeparamref name="T"/> already serialized (a cached copy), written as it is; the OpenAPI
/// document describes it as <typeparamref name="T"/>, as it would <c>Ok&lt;T&gt;</c>.</summary>
public sealed class JsonBytes<T>(byte[] utf8Json) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = utf8Json.Length;
        return response.Body.WriteAsync(utf8Json).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
