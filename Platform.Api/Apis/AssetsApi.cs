using System.Net;
using Amazon.S3;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Platform.Api.Assets;
using Platform.Api.Authorization;
using Platform.Api.Contracts.Authorization;
using Platform.Api.Http;
using Platform.Api.Problems;
using Platform.Api.RateLimiting;
using Platform.Jobs;
using Platform.AWSSDK.S3;

namespace Platform.Api.Apis;

public static class AssetsApi
{
    public const int MaxPageSize = 100;

    /// <summary>Room for the multipart framing around a file of the largest allowed size.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static RouteGroupBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assets").WithTags("Assets");

        api.MapGet("/", ListAssets).WithName("ListAssets").WithSummary("List the caller's assets (an admin: all), newest first")
            .RequireScope(ApiScopes.Read);
        api.MapGet("/{id}", GetAsset).WithName("GetAsset").WithSummary("Get an asset and its processing state")
            .RequireScope(ApiScopes.Read);
        api.MapGet("/{id}/content", GetAssetContent).WithName("GetAssetContent").WithSummary("Download an asset's bytes: a redirect to a short-lived presigned GET")
            .RequireScope(ApiScopes.Read);
        api.MapGet("/{id}/report", GetAssetReport).WithName("GetAssetReport").WithSummary("Get the JSON report that processing wrote")
            .RequireScope(ApiScopes.Read);
        api.MapPost("/", UploadAsset).WithName("UploadAsset").WithSummary("Upload a file (multipart/form-data, part 'file') and queue its processing")
            .Accepts<UploadForm>("multipart/form-data")
            .RequireScope(ApiScopes.Write)
            .RequireRateLimiting(MutationRateLimiting.PolicyName);
        api.MapDelete("/{id}", DeleteAsset).WithName("DeleteAsset").WithSummary("Delete an asset, its report and its jobs")
            .RequireScope(ApiScopes.Write)
            .RequireRateLimiting(MutationRateLimiting.PolicyName);

        return api;
    }

    public static async Task<Results<Ok<PaginatedItems<Asset>>, ValidationProblem>> ListAssets(
        [AsParameters] AssetServices services, CancellationToken cancellationToken, int pageIndex = 0, int pageSize = 20)
    {
        var errors = new Dictionary<string, string[]>();
        if (pageIndex is < 0 or > 1_000_000)
        {
            errors[nameof(pageIndex)] = ["pageIndex must be between 0 and 1000000."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors[nameof(pageSize)] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await services.Store.ListAsync(pageIndex, pageSize, services.Caller, cancellationToken));
    }

    public static async Task<Results<JsonBytes<Asset>, NotFound>> GetAsset(Guid id, [AsParameters] AssetServices services, CancellationToken cancellationToken)
    {
        if (await services.Cache.GetJsonAsync(id) is { } cached)
        {
            // Someone else's asset is not found, wherever it was read from.
            return services.Caller.MaySee(AssetCache.OwnerOf(cached)) ? new JsonBytes<Asset>(cached) : TypedResults.NotFound();
        }
        if (await services.Store.FindAsync(id, services.Caller, cancellationToken) is not { } asset)
        {
            return TypedResults.NotFound();
        }
        var json = AssetCache.Serialize(asset);
        await services.Cache.SetIfFinishedAsync(asset, json);
        return new JsonBytes<Asset>(json);
    }

    /// <summary>302 to a presigned GET of the bytes, valid for <see cref="AssetOptions.DownloadUrlSeconds"/>: the client
    /// downloads from the store, not through the api. The ownership check comes first: no URL for another's asset.</summary>
    public static async Task<Results<RedirectHttpResult, NotFound>> GetAssetContent(
        Guid id, HttpContext context, [AsParameters] AssetServices services, CancellationToken cancellationToken)
    {
        if (await services.Store.FindAsync(id, services.Caller, cancellationToken) is not { } asset)
        {
            return TypedResults.NotFound();
        }
        // An attachment under its declared type: a browser saves it instead of rendering it.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(asset.FileName);
        var expiresAt = services.Time.GetUtcNow().AddSeconds(services.Options.Value.DownloadUrlSeconds);
        var url = await services.S3.DownloadUrlAsync(services.Storage.BucketName!, AssetKeys.ContentObject(id), asset.DeclaredContentType, disposition.ToString(), expiresAt);
        // The URL dies in seconds: no cache may keep the redirect.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(url);
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> GetAssetReport(Guid id, [AsParameters] AssetServices services, CancellationToken cancellationToken)
    {
        if (await services.Store.FindObjectKeysAsync(id, services.Caller, cancellationToken) is not { ReportKey: { } reportKey })
        {
            return TypedResults.NotFound();
        }
        return await OpenObjectAsync(services, reportKey, cancellationToken) is { } report
            ? TypedResults.File(report, "application/json")
            : TypedResults.NotFound();
    }

    public static async Task<Results<Accepted<Asset>, ValidationProblem, ProblemHttpResult>> UploadAsset(
        HttpContext context, [AsParameters] AssetServices services, CancellationToken cancellationToken)
    {
        var limit = services.Options.Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit + MultipartOverhead)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
                detail: $"The file is larger than the limit of {limit} bytes.");
        }
        // Kestrel's own limit (30 MB by default) follows the configured one; a chunked body over it fails while streaming.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + MultipartOverhead;
        }

        var (file, problem) = await MultipartUpload.ReadFileAsync(context.Request, cancellationToken);
        if (file is null)
        {
            return FileProblem(problem!);
        }
        // Version 7: the id says when the upload began, which is how the worker's orphan sweep tells an upload still
        // in flight from one whose record will never come (Platform.Worker/Reconciliation).
        var id = Guid.CreateVersion7();
        var key = AssetKeys.ContentObject(id);
        var size = await UploadWithinTimeoutAsync(services, key, file, limit, cancellationToken);
        if (size == 0)
        {
            return FileProblem("The file is empty.");
        }

        var accepted = await AssetAcceptance.AcceptAsync(services.Store, services.Queue,
            new NewAsset(id, services.Caller.Subject, file.FileName, file.ContentType, size, key), services.Caller,
            // No record will ever name the object: take it back now (the sweep is the backstop if this fails too).
            () => services.Uploader.TryDeleteAsync([key]), cancellationToken);
        return TypedResults.Accepted($"/api/assets/{id}", accepted);
    }

    /// <summary>Streams the file to S3, cut off after <see cref="AssetOptions.UploadTimeoutSeconds"/>: a client that
    /// trickles its bytes must not hold a connection (and an unfinished object) for hours.</summary>
    private static async Task<long> UploadWithinTimeoutAsync(AssetServices services, string key, UploadedFile file, long limit, CancellationToken cancellationToken)
    {
        var seconds = services.Options.Value.UploadTimeoutSeconds;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            return await services.Uploader.UploadAsync(key, file.Content, file.ContentType, limit, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new UploadTimeoutException(seconds);
        }
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsset(Guid id, [AsParameters] AssetServices services, CancellationToken cancellationToken)
    {
        // The record first: once it is gone nothing points at the objects, so a failure below leaves no visible half.
        if (await services.Store.DeleteAsync(id, services.Caller, cancellationToken) is not { } keys)
        {
            return TypedResults.NotFound();
        }
        await services.Cache.InvalidateAsync(id);
        // The asset is gone whatever S3 says now: objects it could not delete are the orphan sweep's.
        await services.Uploader.TryDeleteAsync(keys.All);
        return TypedResults.NoContent();
    }

    private static async Task<Stream?> OpenObjectAsync(AssetServices services, string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await services.S3.GetObjectAsync(services.Storage.BucketName, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static ValidationProblem FileProblem(string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [MultipartUpload.FileField] = [problem] });

    /// <summary>Describes the upload's body in the OpenAPI document; the endpoint reads the stream itself.</summary>
    public sealed record UploadForm(IFormFile File);
}
