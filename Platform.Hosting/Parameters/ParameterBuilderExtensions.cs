using Platform.Hosting.Publishing;

namespace Platform.Hosting.Parameters;

public static class ParameterBuilderExtensions
{
    /// <summary>A parameter read from configuration key <c>Parameters:{name}</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.Add(new ParameterResource(name, secret, generate: null));

    /// <summary>A parameter with a value of its own, which configuration key <c>Parameters:{name}</c> overrides (not for secrets).</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, string defaultValue) =>
        builder.Add(new ParameterResource(name, secret: false, generate: null, defaultValue));

    /// <summary>A secret that is generated once and kept (locally in the data folder, in the cloud by the deployment).</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name, int minLength = GeneratedValue.DefaultMinLength) =>
        builder.Add(new ParameterResource(name, secret: true, new GeneratedValue(minLength)));

    private static IResourceBuilder<ParameterResource> Add(this IDistributedApplicationBuilder builder, ParameterResource parameter) =>
        builder.AddResource(parameter).WithManifestPublishingCallback(context => ParameterManifest.Write(context, parameter));
}
