using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages;

// No antiforgery token: there is no sign-in, so a forged post has no session to ride on, and checking the token
// would make ASP.NET Core read (and buffer) the whole form instead of streaming it. The api enforces the size limit.
[IgnoreAntiforgeryToken]
[DisableRequestSizeLimit]
public sealed class UploadModel(ApiClient api) : PageModel
{
    public Problem? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        (var asset, Problem) = await api.UploadAsync(Request.Body, Request.ContentType, Request.ContentLength, cancellationToken);
        if (asset is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/assets/{asset.Id}");
    }
}
