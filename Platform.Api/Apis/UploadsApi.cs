using System.Net;
using Amazon.S3;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Npgsql;
using Platform.Api.Assets;
using Platform.Api.Authorization;
using Platform.Api.Contracts.Authorization;
using Platform.Api.RateLimiting;
using Platform.Api.Uploads;
using Platform.AWSSDK.S3;
using Platform.Jobs;

namespace Platform.Api.Apis;

/// <summary>
/// Presigned uploads: the api issues a signed PUT for a key it chooses, with the declared size and type bound in the
/// signature, and the client sends the bytes to the store itself; the completion records the asset and queues its
/// processing, whose first step verifies the object (Platform.Worker's ProcessAssetHandler). No byte passes through here.
/// </summary>
public static class UploadsApi
{
    private const int MaxContentTypeLength = 255;

    public static RouteGroupBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/uploads").WithTags("Uploads");

        api.MapPost("/", CreateUpload).WithName("CreateUpload")
            .WithSummary("Get a presigned request to upload a file of the given name, type and size straight to the store")
            .RequireScope(ApiScopes.Write)
            .RequireRateLimiting(MutationRateLimiting.PolicyName);
        api.MapPost("/{uploadId}/complete", CompleteUpload).WithName("CompleteUpload")
            .WithSummary("Record an uploaded file as an asset and queue its processing")
            .RequireScope(ApiScopes.Write)
            .RequireRateLimiting(MutationRateLimiting.PolicyName);

        return api;
    }

    public static async Task<Results<Created<UploadTicket>, ValidationProblem, ProblemHttpResult>> CreateUpload(
        NewUpload upload, PendingUploads pending, [AsParameters] AssetServices services)
    {
        var options = services.Options.Value;
        if (upload.Size > options.MaxUploadBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
                detail: $"The file is larger than the limit of {options.MaxUploadBytes} bytes.");
        }
        if (Problems(upload) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // Version 7: the id says when the upload began, which is how the worker's orphan sweep tells an upload that may
        // still be completed from one that never will be (Platform.Worker/Reconciliation).
        var uploadId = Guid.CreateVersion7();
        var expiresAt = services.Time.GetUtcNow().AddSeconds(options.UploadUrlSeconds);
        var url = await services.S3.UploadUrlAsync(services.Storage.BucketName!, AssetKeys.ContentObject(uploadId), upload.ContentType, upload.Size, expiresAt);
        await pending.SaveAsync(uploadId, new PendingUpload(services.Caller.Subject, upload.FileName, upload.ContentType, upload.Size));
        var ticket = new UploadTicket(uploadId, url, "PUT", new Dictionary<string, string> { [HeaderNames.ContentType] = upload.ContentType }, expiresAt);
        return TypedResults.Created($"/api/uploads/{uploadId}", ticket);
    }

    public static async Task<Results<Accepted<Asset>, NotFound, ProblemHttpResult>> CompleteUpload(
        Guid uploadId, PendingUploads pending, [AsParameters] AssetServices services, CancellationToken cancellationToken)
    {
        // Someone else's upload is not found, as their assets are not.
        if (await pending.FindAsync(uploadId) is not { } upload || upload.OwnerId != services.Caller.Subject)
        {
            return TypedResults.NotFound();
        }
        var key = AssetKeys.ContentObject(uploadId);
        if (!await ObjectExistsAsync(services, key, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Upload not received",
                detail: "The store has no bytes for this upload yet: send them to the upload's URL, then complete it.");
        }
        Asset? accepted;
        try
        {
            // The object stays on failure: the client may complete again, and the sweep takes it if it never does.
            accepted = await AssetAcceptance.AcceptAsync(services.Store, services.Queue,
                new NewAsset(uploadId, upload.OwnerId, upload.FileName, upload.ContentType, upload.Size, key), services.Caller,
                () => Task.CompletedTask, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Upload already completed",
                detail: $"The upload is already the asset /api/assets/{uploadId}.");
        }
        await pending.RemoveAsync(uploadId);
        return TypedResults.Accepted($"/api/assets/{uploadId}", accepted);
    }

    private static Dictionary<string, string[]> Problems(NewUpload upload)
    {
        var errors = new Dictionary<string, string[]>();
        if (FileNameRules.Problem(upload.FileName) is { } fileName)
        {
            errors["fileName"] = [fileName];
        }
        if (string.IsNullOrEmpty(upload.ContentType) || upload.ContentType.Length > MaxContentTypeLength
            || !MediaTypeHeaderValue.TryParse(upload.ContentType, out _) || upload.ContentType.Any(char.IsControl))
        {
            errors["contentType"] = [$"contentType must be a media type (such as text/plain) of at most {MaxContentTypeLength} characters."];
        }
        if (upload.Size <= 0)
        {
            errors["size"] = ["The file is empty: size must be at least 1."];
        }
        return errors;
    }

    private static async Task<bool> ObjectExistsAsync(AssetServices services, string key, CancellationToken cancellationToken)
    {
        try
        {
            await services.S3.GetObjectMetadataAsync(services.Storage.BucketName, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
