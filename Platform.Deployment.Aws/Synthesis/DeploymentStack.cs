using Amazon.CDK;
using Amazon.CDK.CloudFormation.Include;
using Constructs;
using Platform.Deployment.Aws.Mappings;

namespace Platform.Deployment.Aws.Synthesis;

/// <summary>
/// The deployment's one stack. Its logical IDs are the contract with a deployed stack: CloudFormation matches resources
/// by them, and a changed one replaces its resource (an RDS instance, a broker, a file system: with their data). The
/// parts of a mapping's construct (<see cref="MappedResource"/>) are named as parts at the top of the stack would be
/// (as they were, before there were mapping constructs), and get the logical IDs they would have there: the construct
/// is left out of them, as the CDK leaves out a construct named <c>Default</c>.
/// </summary>
internal sealed class DeploymentStack(Construct scope, string id, IStackProps props) : Stack(scope, id, props)
{
    private readonly List<MappedResource> _mapped = [];

    public void Add(MappedResource mapped) => _mapped.Add(mapped);

    /// <summary>
    /// Sets the logical ID of every element below a mapping's construct, once all are made. (Set once here rather than
    /// in an override of <c>AllocateLogicalId</c>, which Node.js would call back into .NET for every reference it resolves.)
    /// </summary>
    public void KeepLogicalIds()
    {
        foreach (var mapped in _mapped)
        {
            var parts = mapped.Node.FindAll();
            // An included template's elements keep the logical IDs its file gives them.
            var included = parts.OfType<CfnInclude>().Select(i => i.Node.Path + "/").ToList();
            foreach (var element in parts.OfType<CfnElement>())
            {
                var path = element.Node.Path;
                if (!included.Any(i => path.StartsWith(i, StringComparison.Ordinal)))
                {
                    // The path is {stack}/{resource}/{part}/…: the part and below are what the flat stack's path was.
                    element.OverrideLogicalId(CdkUniqueIds.Of(path.Split('/').Skip(2)));
                }
            }
        }
    }
}
