using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Platform.Hosting.Parameters;

/// <summary>Gives every parameter its value before the graph runs: configuration first, then the secret store.</summary>
internal sealed class ParameterResolver(IConfiguration configuration, SecretStore store)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public void Resolve(IEnumerable<ParameterResource> parameters)
    {
        foreach (var parameter in parameters)
        {
            parameter.Value = configuration[$"Parameters:{parameter.Name}"]
                ?? parameter.DefaultValue
                ?? (parameter.Generate is { } generate
                    ? store.GetOrAdd(parameter.Name, () => RandomNumberGenerator.GetString(Alphabet, generate.MinLength))
                    : throw new DistributedApplicationException(
                        $"Parameter '{parameter.Name}' has no value. Set configuration key 'Parameters:{parameter.Name}', " +
                        $"for example with the environment variable Parameters__{parameter.Name}=<value>."));
        }
    }
}
