using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Parameters;

public static class ParameterBuilderExtensions
{
    /// <summary>A parameter read from configuration key <c>Parameters:{name}</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret, generate: null));

    /// <summary>A secret that is generated once and kept (locally in the data folder, in the cloud by the deployment).</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new ParameterResource(name, secret: true, new GeneratedValue()));
}
