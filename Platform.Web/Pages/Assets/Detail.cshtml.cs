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
        return await RefusedAsync(id, problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var problem = await api.DeleteAssetAsync(id, cancellationToken);
        return problem is null ? Redirect("/") : await RefusedAsync(id, problem, cancellationToken);
    }

    /// <summary>The page again, with the api's reason and its 4xx status: the form was not carried out.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, Problem problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return Page();
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
