using System.Net.Http.Headers;

namespace Platform.Web.SignIn;

/// <summary>Calls the api as the signed-in person: their access token on every request.</summary>
internal sealed class UserAccessTokenHandler(IHttpContextAccessor accessor, UserTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("The api is called outside a request, on no one's behalf.");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAccessTokenAsync(http, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
