using System.Text.Json.Nodes;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.CloudFormation.Include;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Storage;

/// <summary>
/// <c>aws.cloudformation.template.v0</c> resources (our S3 storage) are included in the stack as they are written
/// (CfnInclude keeps their logical IDs and outputs), so <c>{storage.output.X}</c> is the output's own value. The
/// services the manifest lists as the template's references get, through their task roles, what the services do with
/// its buckets: get, put and delete current objects (and abort their multipart uploads), and list the bucket, without
/// which S3 answers 403 instead of 404 for a missing object; the health check lists it too. Never
/// <c>s3:DeleteObjectVersion</c>: the buckets are versioned, and their old versions are the way back from a bad
/// delete or overwrite. No other service gets any access, and no service gets keys.
/// </summary>
internal sealed class IncludedTemplates
{
    /// <summary>What the api and the worker do with objects (AWSSDK.S3's PutObject, multipart upload, GetObject, DeleteObject).</summary>
    public static readonly string[] ObjectActions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"];

    private readonly Dictionary<string, List<IBucket>> _buckets = [];

    public static IncludedTemplates Create(DeploymentContext context)
    {
        var included = new IncludedTemplates();
        foreach (var template in context.Plan.Templates)
        {
            var path = context.Plan.Manifest.FullPath(template.TemplatePath!);
            var include = new CfnInclude(context.Stack, LogicalIds.Of(template.Name), new CfnIncludeProps { TemplateFile = path });
            context.Outputs.Add(template.Name, include);
            var buckets = BucketIds(path).Select(id => Bucket.FromCfnBucket((CfnBucket)include.GetResource(id))).ToList();
            foreach (var service in template.References)
            {
                if (!included._buckets.TryGetValue(service, out var granted))
                {
                    included._buckets[service] = granted = [];
                }
                granted.AddRange(buckets);
            }
        }
        return included;
    }

    /// <summary>Grants <paramref name="role"/> the buckets of the templates that list <paramref name="resource"/> as a reference.</summary>
    public void Grant(string resource, IRole role)
    {
        foreach (var bucket in _buckets.GetValueOrDefault(resource, []))
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
