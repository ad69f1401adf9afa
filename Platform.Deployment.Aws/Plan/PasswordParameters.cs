using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>The password parameter of a container's connection string, which a managed service takes as its own.</summary>
internal static class PasswordParameters
{
    /// <summary>The one parameter in <paramref name="container"/>'s connection string, or null when it has none.</summary>
    public static ManifestParameter? Of(AspireManifest manifest, ManifestResolver resolver, ManifestContainer container, string why)
    {
        var inputs = container.ConnectionString is { } template
            ? resolver.Leaves(template, $"'{container.Name}' connectionString").Where(l => l.Path[0] == "inputs").Select(l => l.Resource).Distinct().ToList()
            : [];
        return inputs.Count switch
        {
            0 => null,
            1 => (ManifestParameter)manifest[inputs[0]],
            _ => throw new DeploymentException($"'{container.Name}': its connection string must have one password parameter ({why}), and it has {string.Join(", ", inputs)}"),
        };
    }

    public static ManifestParameter Required(AspireManifest manifest, ManifestResolver resolver, ManifestContainer container, string why) =>
        Of(manifest, resolver, container, why)
            ?? throw new DeploymentException($"'{container.Name}': its connection string must have one password parameter ({why}), and it has none");

    /// <summary>A parameter the deployment adds: a secret generated in the cloud, letters and digits, as Aspire generates passwords.</summary>
    public static ManifestParameter Generated(string name) => new(name, $"{{{name}.inputs.value}}", new Dictionary<string, ManifestParameterInput>
    {
        ["value"] = new("string", Secret: true, new ManifestGenerate(22, Lower: true, Upper: true, Numeric: true, Special: false, 0, 0, 0, 0), DefaultValue: null),
    });
}
