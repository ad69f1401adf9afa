namespace Platform.Hosting.ApplicationModel;

/// <summary>Runs a resource's environment callbacks, in the order they were declared.</summary>
public static class EnvironmentEvaluation
{
    public static Dictionary<string, object> Collect(IResource resource, DistributedApplicationExecutionContext executionContext)
    {
        var context = new EnvironmentCallbackContext(executionContext);
        foreach (var annotation in resource.AnnotationsOf<EnvironmentCallbackAnnotation>())
        {
            annotation.Callback(context);
        }
        return context.EnvironmentVariables;
    }

    /// <summary>The values a process gets when the graph runs here.</summary>
    public static async Task<Dictionary<string, string>> ResolveAsync(IResource resource, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Collect(resource, executionContext))
        {
            resolved[name] = value switch
            {
                string text => text,
                IValueProvider provider => await provider.GetValueAsync(cancellationToken) ?? "",
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
        }
        return resolved;
    }

    /// <summary>The placeholders the manifest carries instead of values.</summary>
    public static Dictionary<string, string> Expressions(IResource resource, DistributedApplicationExecutionContext executionContext) =>
        Collect(resource, executionContext).ToDictionary(
            pair => pair.Key,
            pair => pair.Value switch
            {
                string text => text,
                IManifestExpressionProvider provider => provider.ValueExpression,
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            },
            StringComparer.Ordinal);
}
