using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Identity.Pages;

public sealed class IndexModel : PageModel
{
    public string? SignedInAs => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;
}
