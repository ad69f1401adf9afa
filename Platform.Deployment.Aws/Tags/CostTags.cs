using Amazon.CDK;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Tags;

/// <summary>
/// Cost-allocation tags on every resource that takes tags: <c>platform:stack</c> (the stack's name),
/// <c>platform:resource</c> (the manifest resource it was made for, or <c>shared</c> for the network, cluster,
/// firewall, alarms and the like), and the settings' <c>tags</c>. A mapping's construct is named after its resource, and
/// so is every part it keeps at the top of the stack: a part there belongs to the manifest resource whose logical-ID
/// prefix is the longest that its own starts with (<c>PgReplica…</c> is <c>pg-replica</c>'s, <c>PgPassword…</c> <c>pg-password</c>'s).
/// Listener rules are left untagged on purpose: ECS rewrites them during blue/green releases, and a tag change
/// would make CloudFormation update them and reset their weights (see Rollouts/TrafficRoutes.cs).
/// </summary>
internal static class CostTags
{
    public const string StackTag = "platform:stack";
    public const string ResourceTag = "platform:resource";
    public const string Shared = "shared";

    private static readonly string[] Untagged = ["AWS::ElasticLoadBalancingV2::ListenerRule"];

    /// <summary>Types whose Tags CloudFormation takes but Amazon.CDK.Lib 2.160's classes do not write: set as the property itself.</summary>
    private static readonly string[] TaggedByOverride = ["AWS::ElasticLoadBalancingV2::Listener", "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::CloudWatch::Dashboard"];

    public static void Apply(DeploymentContext context)
    {
        var stack = context.Stack;
        var resources = context.Plan.Manifest.Resources.Select(r => r.Name).ToHashSet();
        var owners = resources.Select(r => (Prefix: LogicalIds.Of(r), Name: r)).OrderByDescending(o => o.Prefix.Length).ToList();
        var tags = new Dictionary<string, string>(context.Settings.Tags) { [StackTag] = context.Settings.StackName };
        foreach (var child in stack.Node.Children)
        {
            var id = child.Node.Id;
            var owner = resources.Contains(id) ? id : owners.FirstOrDefault(o => OwnedBy(id, o.Prefix)).Name ?? Shared;
            var own = tags.Append(new(ResourceTag, owner)).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
            foreach (var (key, value) in own)
            {
                Amazon.CDK.Tags.Of(child).Add(key, value, new TagProps { ExcludeResourceTypes = Untagged });
            }
            foreach (var resource in child.Node.FindAll().OfType<CfnResource>().Where(r => TaggedByOverride.Contains(r.CfnResourceType)))
            {
                resource.AddPropertyOverride("Tags", own.Select(t => new Dictionary<string, string> { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());
            }
        }
    }

    /// <summary>The ID starts with the prefix, and what follows starts a new word (<c>PgReplica</c> is not <c>Pg</c>'s).</summary>
    private static bool OwnedBy(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && (id.Length == prefix.Length || !char.IsLower(id[prefix.Length]));
}
