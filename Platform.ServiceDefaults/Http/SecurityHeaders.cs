using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// The headers a browser needs to protect the pages of web and identity: none of them may be framed by another site
/// (clickjacking of a delete button or the sign-in form: CSP <c>frame-ancestors 'none'</c>, and <c>X-Frame-Options</c> for
/// older browsers), no plugin content, no other base URL, no type sniffing; and over HTTPS (in the cloud, where TLS ends
/// at the load balancer and the forwarded headers say so), HSTS. Scripts are not restricted here: the provider's
/// form_post answer submits itself with an inline script.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    /// <summary>One year, as browsers' preload lists ask.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
        return next(context);
    });
}
