using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Web.Pages;

public sealed class UploadModel : PageModel
{
    /// <summary>Why the last upload was refused, passed back by <c>POST /uploads</c>.</summary>
    public string? Problem { get; private set; }

    public void OnGet(string? problem) => Problem = problem;
}
