using Constructs;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Mappings;

/// <summary>
/// The construct a mapping makes for one manifest resource, at the top of the stack, named after it: it owns the
/// resource's parts, which it names as the flat stack named them (<c>Pg</c>, <c>PgCpuAlarm</c>), so that they keep their
/// logical IDs (<see cref="DeploymentStack"/>).
/// </summary>
internal abstract class MappedResource : Construct
{
    protected MappedResource(DeploymentStack stack, string resource) : base(stack, resource)
    {
        Resource = resource;
        stack.Add(this);
    }

    /// <summary>The manifest resource's name.</summary>
    public string Resource { get; }

    /// <summary>The prefix of its parts' construct IDs: <c>pg-replica</c>'s are <c>PgReplica…</c>.</summary>
    protected string Id => LogicalIds.Of(Resource);
}
