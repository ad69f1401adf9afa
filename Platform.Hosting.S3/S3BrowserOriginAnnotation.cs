using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.S3;

/// <summary>An origin whose pages may send requests to a bucket from the browser (presigned uploads and downloads): the
/// bucket's CORS rules name it, and only it.</summary>
public sealed class S3BrowserOriginAnnotation(EndpointReferenceExpression origin) : IResourceAnnotation
{
    public EndpointReferenceExpression Origin { get; } = origin;
}
