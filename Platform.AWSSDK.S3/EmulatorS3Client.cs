using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.AWSSDK.S3;

/// <summary>
/// An S3 client for the local emulator, with what it needs and S3 does not. It stores the aws-chunked framing of a
/// chunk-encoded upload as the object's bytes, a silent corruption, so every upload is sent whole
/// (<c>UseChunkEncoding = false</c>). It verifies signatures over the bucket's path without its trailing slash
/// (<c>/assets</c> where the SDK sends and signs <c>/assets/</c>), so a bucket's own requests (list, CORS) go to
/// <c>/assets</c>, which S3 takes the same way.
/// </summary>
internal sealed class EmulatorS3Client(AWSCredentials credentials, AmazonS3Config config) : AmazonS3Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerBefore<Marshaller>(new RequestAdjustment(DisableChunkEncoding));
        pipeline.AddHandlerBefore<Signer>(new RequestAdjustment(BucketPathWithoutTrailingSlash));
    }

    private static void DisableChunkEncoding(IExecutionContext executionContext)
    {
        switch (executionContext.RequestContext.OriginalRequest)
        {
            case PutObjectRequest put:
                put.UseChunkEncoding = false;
                break;
            case UploadPartRequest part:
                part.UseChunkEncoding = false;
                break;
        }
    }

    private static void BucketPathWithoutTrailingSlash(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext.Request;
        var path = request.Endpoint.AbsolutePath;
        if (request.ResourcePath == "/" && path.Length > 1 && path.EndsWith('/'))
        {
            request.Endpoint = new Uri(request.Endpoint.GetLeftPart(UriPartial.Authority) + path.TrimEnd('/'));
            request.ResourcePath = "";
        }
    }

    /// <summary>Changes a request on its way through the pipeline, before the handler it is added ahead of.</summary>
    private sealed class RequestAdjustment(Action<IExecutionContext> adjust) : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            adjust(executionContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            adjust(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }
    }
}
