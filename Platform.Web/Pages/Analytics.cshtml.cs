using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages;

public sealed class AnalyticsModel(ApiClient api) : PageModel
{
    public AnalyticsSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Summary = await api.GetAnalyticsAsync(cancellationToken);
}
