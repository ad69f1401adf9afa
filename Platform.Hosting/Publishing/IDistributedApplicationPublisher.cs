using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing;

/// <summary>Turns the graph into deployment artifacts; chosen with <c>--publisher {name}</c>.</summary>
public interface IDistributedApplicationPublisher
{
    string Name { get; }

    Task PublishAsync(DistributedApplicationModel model, string outputPath, CancellationToken cancellationToken);
}
