using System.Text.Json.Nodes;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.CloudFormation.Include;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Storage;

/// <summary>
/// <c>aws.cloudformation.template.v0</c> resources (our S3 storage) are included in the stack as they are written
/// (CfnInclude keeps their logical IDs and outputs), so <c>{storage.output.X}</c> is the output's own value. The
/// services the manifest lists as the template's references get read and write access to its buckets through
/// their task roles; no other service does, and no service gets keys.
/// </summary>
internal sealed class IncludedTemplates
{
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
            bucket.GrantReadWrite(role);
        }
    }

    private static IEnumerable<string> BucketIds(string templatePath) =>
        (JsonNode.Parse(File.ReadAllText(templatePath))?["Resources"] as JsonObject ?? [])
            .Where(r => r.Value?["Type"]?.GetValue<string>() == "AWS::S3::Bucket")
            .Select(r => r.Key);
}
