namespace Platform.Hosting.ApplicationModel;

/// <summary>Supplies the placeholder that stands for a value in the manifest, e.g. <c>{pg.connectionString}</c>.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}
