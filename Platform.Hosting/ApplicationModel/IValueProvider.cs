namespace Platform.Hosting.ApplicationModel;

/// <summary>Supplies a value when the graph runs locally.</summary>
public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}
