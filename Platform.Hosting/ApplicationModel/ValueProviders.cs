namespace Platform.Hosting.ApplicationModel;

/// <summary>Supplies a value when the graph runs locally.</summary>
public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}

/// <summary>Supplies the placeholder that stands for a value in the manifest, e.g. <c>{pg.connectionString}</c>.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}

/// <summary>A resource that has a connection string: injected as <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString : IResource, IValueProvider, IManifestExpressionProvider
{
    ReferenceExpression ConnectionStringExpression { get; }

    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";

    ValueTask<string?> IValueProvider.GetValueAsync(CancellationToken cancellationToken) =>
        ConnectionStringExpression.GetValueAsync(cancellationToken);
}
