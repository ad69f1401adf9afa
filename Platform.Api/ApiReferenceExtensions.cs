using Scalar.AspNetCore;

namespace Platform.Api;

internal static class ApiReferenceExtensions
{
    /// <summary>
    /// The OpenAPI document and the Scalar reference, in Development only: in production they would show anyone the
    /// whole surface of the api, including routes no page links to.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
            app.MapScalarApiReference();
        }
        return app;
    }
}
