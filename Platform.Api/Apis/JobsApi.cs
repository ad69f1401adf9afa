using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Assets;
using Platform.Api.Authorization;
using Platform.Api.Contracts.Authorization;
using Platform.Api.Jobs;
using Platform.Api.RateLimiting;
using Platform.Jobs;
using Platform.Jobs.Lifecycle;
using Platform.Jobs.Queue;

namespace Platform.Api.Apis;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/jobs").WithTags("Jobs");

        api.MapPost("/", CreateJob).WithName("CreateJob")
            .WithSummary($"Queue a job for one of the caller's assets: {string.Join(" or ", JobTypes.All)}")
            .RequireScope(ApiScopes.Write)
            .RequireRateLimiting(MutationRateLimiting.PolicyName);
        api.MapGet("/{id}", GetJob).WithName("GetJob").WithSummary("Get a job, its result and its history")
            .RequireScope(ApiScopes.Read);

        return api;
    }

    public static async Task<Results<Accepted<Job>, ValidationProblem, ProblemHttpResult>> CreateJob(
        CreateJobRequest request, Caller caller, JobRecords records, JobQueries jobs, AssetCache assetCache, JobStream queue, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!JobTypes.IsKnown(request.Type))
        {
            errors["type"] = [$"Unknown job type '{request.Type}'. Known types: {string.Join(", ", JobTypes.All)}."];
        }
        if (request.AssetId is null)
        {
            errors["assetId"] = ["assetId is required."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var assetId = request.AssetId!.Value;
        var creation = await records.CreateAsync(request.Type!, assetId, caller.OwnerFilter, cancellationToken);
        if (creation.AssetMissing)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: $"There is no asset {assetId}.");
        }
        if (creation.JobId is not { } jobId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job cannot run now", detail: creation.ConflictReason);
        }
        var accepted = await jobs.FindAsync(jobId, caller, cancellationToken);
        try
        {
            await queue.EnqueueAsync(JobEntry.ForCurrentTrace(jobId, request.Type!));
        }
        catch
        {
            await records.DeleteAsync(jobId);
            throw;
        }
        // The asset now names this job as its latest.
        await assetCache.InvalidateAsync(assetId);
        return TypedResults.Accepted($"/api/jobs/{jobId}", accepted);
    }

    public static async Task<Results<Ok<Job>, NotFound>> GetJob(Guid id, Caller caller, JobQueries jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(id, caller, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();
}
