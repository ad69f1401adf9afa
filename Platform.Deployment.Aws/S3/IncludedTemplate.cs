using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.CloudFormation.Include;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.S3;

/// <summary>
/// An <c>aws.cloudformation.template.v0</c> resource (our S3 storage) included in the stack as it is written (CfnInclude
/// keeps its logical IDs and outputs), so <c>{storage.output.X}</c> is the output's own value; its buckets gain server
/// access logs (<see cref="Logs.AccessLogs"/>). The services the manifest
/// lists as the template's references get, through their task roles, what the services do with its buckets: get, put
/// and delete current objects (and abort their multipart uploads), and list the bucket, without which S3 answers 403
/// instead of 404 for a missing object; the health check lists it too. Never <c>s3:DeleteObjectVersion</c>: the buckets
/// are versioned, and their old versions are the way back from a bad delete or overwrite. No other service gets any
/// access, and no service gets keys.
/// </summary>
internal sealed class IncludedTemplate : MappedResource
{
    /// <summary>What the api and the worker do with objects (AWSSDK.S3's PutObject, multipart upload, GetObject, DeleteObject).</summary>
    private static readonly string[] ObjectActions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"];

    private readonly CfnInclude _include;
    private readonly IReadOnlyList<string> _references;
    private readonly List<IBucket> _buckets;

    public IncludedTemplate(DeploymentContext context, ManifestCloudFormation template) : base(context.Stack, template.Name)
    {
        var path = context.Plan.Manifest.FullPath(template.TemplatePath!);
        _include = new CfnInclude(this, Id, new CfnIncludeProps { TemplateFile = path });
        _references = template.References;
        var buckets = BucketIds(path).ToDictionary(id => id, id => (CfnBucket)_include.GetResource(id));
        foreach (var (id, bucket) in buckets)
        {
            context.AccessLogs.Record(bucket, id);
        }
        _buckets = [.. buckets.Values.Select(Bucket.FromCfnBucket)];
    }

    /// <summary>The value of the template's output <paramref name="name"/>.</summary>
    public string Output(string name) => Token.AsString(_include.GetOutput(name).Value);

    /// <summary>Grants <paramref name="role"/> the template's buckets, when <paramref name="resource"/> is one of its references.</summary>
    public void Grant(string resource, IRole role)
    {
        foreach (var bucket in _references.Contains(resource) ? _buckets : [])
        {
            role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ObjectActions,
                Resources = [bucket.ArnForObjects("*")],
            }));
            role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["s3:ListBucket"],
                Resources = [bucket.BucketArn],
            }));
        }
    }

    private static IEnumerable<string> BucketIds(string templatePath) =>
        (JsonNode.Parse(File.ReadAllText(templatePath))?["Resources"] as JsonObject ?? [])
            .Where(r => r.Value?["Type"]?.GetValue<string>() == "AWS::S3::Bucket")
            .Select(r => r.Key);
}
