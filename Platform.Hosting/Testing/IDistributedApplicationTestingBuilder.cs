namespace Platform.Hosting.Testing;

/// <summary>A builder holding an AppHost's graph for a test, in the spirit of Aspire.Hosting.Testing.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder, IAsyncDisposable
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
