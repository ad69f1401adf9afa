using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace Platform.Hosting.Secrets;

/// <summary>A generated secret that is generated once and then kept in the data folder's secrets file, so that it
/// matches the data made with it (a database's password) on every later run; <c>--Platform:Fresh=true</c> starts both
/// over. The manifest says what Aspire's own generated default says.</summary>
internal sealed class KeptSecretDefault(string name, GenerateParameterDefault generate, SecretStore store) : ParameterDefault
{
    public override string GetDefaultValue() => store.GetOrAdd(name, generate.GetDefaultValue);

    public override void WriteToManifest(ManifestPublishingContext context) => generate.WriteToManifest(context);
}
