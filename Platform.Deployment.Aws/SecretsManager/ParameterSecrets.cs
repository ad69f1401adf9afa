using Amazon.CDK.AWS.SecretsManager;
using Platform.Deployment.Aws.ElastiCache;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.SecretsManager;

/// <summary>The parameters' secrets (<see cref="ParameterSecret"/>), each parameter's made where something first uses it.</summary>
internal sealed class ParameterSecrets(DeploymentContext context)
{
    private readonly Dictionary<string, ParameterSecret> _made = [];

    /// <summary>The stack parameter that takes each value given at deployment (not generated), by its name on the command line.</summary>
    public IReadOnlyDictionary<string, string> StackParameters => _made.Values.SelectMany(p => p.StackParameters).ToDictionary();

    public ISecret Get(ManifestParameter parameter, string input = "value") => Of(parameter).Secret(input);

    public ISecret Get(ReferencePart leaf) => Get((ManifestParameter)context.Plan.Manifest[leaf.Resource], leaf.Path[1]);

    /// <summary>Whether <paramref name="resource"/> is a parameter that stands for a connection string to a server outside the stack.</summary>
    public bool IsConnectionString(string resource) => context.Plan.Manifest.TryGet(resource, out var found) && found is ManifestParameter { ConnectionString: not null };

    /// <summary>A part of the address of <paramref name="parameter"/>'s server outside the stack (<see cref="ParameterSecret.GivenAddress"/>).</summary>
    public string GivenAddress(string parameter, string binding, string part) => Of((ManifestParameter)context.Plan.Manifest[parameter]).GivenAddress(binding, part);

    private ParameterSecret Of(ManifestParameter parameter)
    {
        if (!_made.TryGetValue(parameter.Name, out var made))
        {
            // ElastiCache takes fewer characters in an auth token than elsewhere (GeneratedValues).
            var authToken = context.Plan.Of<CacheCluster>().Any(c => c.Password.Name == parameter.Name);
            _made[parameter.Name] = made = new ParameterSecret(context, parameter, authToken);
        }
        return made;
    }
}
