using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Platform.Api.Assets;

public static class MultipartUpload
{
    public const string FileField = "file";
    private const int MaxContentTypeLength = 255;

    /// <summary>The first file part named <see cref="FileField"/>, or what is wrong with the request. Parts before it are skipped;
    /// the body after it is not read.</summary>
    public static async Task<(UploadedFile? File, string? Problem)> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            return (null, "The request must be multipart/form-data with a boundary.");
        }
        var reader = new MultipartReader(boundary.Value!, request.Body);
        while (true)
        {
            MultipartSection? section;
            try
            {
                section = await reader.ReadNextSectionAsync(cancellationToken);
            }
            catch (Exception e) when (MultipartSectionStream.IsMalformedBody(e))
            {
                return (null, MultipartSectionStream.Describe(e));
            }
            if (section is null)
            {
                return (null, $"The request has no file part named '{FileField}'.");
            }
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition()
                || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FileField, StringComparison.Ordinal))
            {
                continue;
            }
            var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (FileNameRules.Problem(fileName) is { } problem)
            {
                return (null, problem);
            }
            var contentType = section.ContentType ?? "application/octet-stream";
            if (contentType.Length > MaxContentTypeLength || !MediaTypeHeaderValue.TryParse(contentType, out _))
            {
                return (null, "The file's Content-Type is not a valid media type.");
            }
            return (new UploadedFile(fileName!, contentType, new MultipartSectionStream(section.Body)), null);
        }
    }
}
