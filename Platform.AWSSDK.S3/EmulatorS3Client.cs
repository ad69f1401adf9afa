using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.AWSSDK.S3;

/// <summary>
/// An S3 client for a local emulator. s3rver stores the aws-chunked framing of a chunk-encoded upload as the
/// object's bytes, a silent corruption, so every upload is sent whole (<c>UseChunkEncoding = false</c>).
/// </summary>
internal sealed class EmulatorS3Client(AWSCredentials credentials, AmazonS3Config config) : AmazonS3Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerBefore<Marshaller>(new DisableChunkEncoding());
    }

    private sealed class DisableChunkEncoding : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            Apply(executionContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Apply(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }

        private static void Apply(IExecutionContext executionContext)
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
    }
}
