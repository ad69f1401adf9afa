using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages.Assets;

public sealed class DetailModel(ApiClient api) : PageModel
{
    public Asset Asset { get; private set; } = null!;
    public JsonElement? Report { get; private set; }
    public Job? LatestJob { get; private set; }
    public Problem? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Queue a job (reprocess or verify) for this asset.</summary>
    public async Task<IActionResult> OnPostJobAsync(Guid id, string type, CancellationToken cancellationToken)
    {
        (_, var problem) = await api.CreateJobAsync(type, id, cancellationToken);
        if (problem is null)
        {
            return Redirect($"/assets/{id}");
        }
        Problem = problem;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        Problem = await api.DeleteAssetAsync(id, cancellationToken);
        return Problem is null ? Redirect("/") : await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await api.GetAssetAsync(id, cancellationToken) is not { } asset)
        {
            return false;
        }
        Asset = asset;
        Report = asset.HasReport ? await api.GetReportAsync(id, cancellationToken) : null;
        LatestJob = asset.LatestJobId is { } jobId ? await api.GetJobAsync(jobId, cancellationToken) : null;
        return true;
    }
}
