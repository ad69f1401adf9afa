using Platform.Hosting.Publishing;
using Platform.Manifest;

namespace Platform.Hosting.Parameters;

/// <summary>A parameter in the manifest: <c>parameter.v0</c>. A generated secret says how to generate it; its value never appears.</summary>
internal static class ParameterManifest
{
    public static void Write(ManifestPublishingContext context, ParameterResource parameter)
    {
        var writer = context.Writer;
        writer.WriteString("type", ManifestTypes.Parameter);
        writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }
        if (parameter.DefaultValue is { } value)
        {
            writer.WriteStartObject("default");
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }
        if (parameter.Generate is { } generate)
        {
            writer.WriteStartObject("default");
            writer.WriteStartObject("generate");
            writer.WriteNumber("minLength", generate.MinLength);
            // Letters and digits only, as generated locally: safe in every connection-string format.
            writer.WriteBoolean("special", false);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
