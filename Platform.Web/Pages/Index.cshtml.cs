using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages;

public sealed class IndexModel(ApiClient api) : PageModel
{
    public const int PageSize = 20;

    public PaginatedItems<Asset> Assets { get; private set; } = null!;

    public async Task OnGetAsync(int pageIndex = 0, CancellationToken cancellationToken = default) =>
        Assets = await api.ListAssetsAsync(Math.Clamp(pageIndex, 0, 1_000_000), PageSize, cancellationToken);
}
