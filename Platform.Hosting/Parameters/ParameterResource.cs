using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Parameters;

/// <summary>An input of the graph: from configuration (<c>Parameters:{name}</c>) or generated once and kept.</summary>
public sealed class ParameterResource(string name, bool secret, GeneratedValue? generate, string? defaultValue = null)
    : Resource(name), IValueProvider, IManifestExpressionProvider
{
    public bool Secret { get; } = secret;

    /// <summary>The value when configuration has none (locally and in the cloud); never for a secret.</summary>
    public string? DefaultValue { get; } = defaultValue;

    /// <summary>How to generate the value when configuration has none (locally and in the cloud).</summary>
    public GeneratedValue? Generate { get; } = generate;

    /// <summary>Resolved when the graph starts to run; never in publish mode.</summary>
    internal string? Value { get; set; }

    public string ValueExpression => $"{{{Name}.value}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(Value ?? throw new InvalidOperationException(
            $"Parameter '{Name}' has no value yet: parameters are resolved when the application starts."));
}
