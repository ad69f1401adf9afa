using Aspire.Hosting.ApplicationModel;
using Platform.Hosting.Secrets;

namespace Aspire.Hosting;

public static class SecretBuilderExtensions
{
    public const int DefaultMinLength = 22;

    /// <summary>
    /// A secret parameter generated when none is configured (<c>Parameters:{name}</c>): letters and digits only, so that
    /// it is safe in every connection-string format. Locally it is kept in the data folder's secrets file (owner-only);
    /// in the manifest it is Aspire's generated parameter, which a deployment generates and keeps in its secret store.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name, int minLength = DefaultMinLength)
    {
        var generate = new GenerateParameterDefault { MinLength = minLength, Special = false };
        ParameterDefault value = builder.ExecutionContext.IsRunMode
            ? new KeptSecretDefault(name, generate, builder.AddNativeRuntime().Secrets)
            : generate;
        return builder.AddParameter(name, value, secret: true);
    }
}
