using System.Globalization;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Values;

/// <summary>A service that runs outside the stack (the settings' <c>externalServices</c>): every binding of it is its address.</summary>
internal sealed class ExternalService(ManifestWorkload resource, Uri address) : IAddressable
{
    public string Resource => resource.Name;

    public IReadOnlyDictionary<string, Endpoint> Endpoints { get; } = resource.Bindings.Keys.ToDictionary(b => b,
        _ => new Endpoint(address.Host, address.Port.ToString(CultureInfo.InvariantCulture), null, address.Scheme, null, address.OriginalString));
}
