using Platform.Tests.Graph;

namespace Platform.Tests.Workload;

/// <summary>A class of workload tests: on the shared graph, with the database fresh for the class and a
/// <see cref="Workload"/> for each test.</summary>
public abstract class WorkloadTestClass(GraphFixture fixture) : IAsyncLifetime
{
    protected GraphFixture Fixture => fixture;

    protected Workload Workload { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await fixture.UseFreshDatabaseAsync(GetType());
        Workload = await Workload.ConnectAsync(fixture.App);
    }

    public virtual async Task DisposeAsync() => await Workload.DisposeAsync();
}
