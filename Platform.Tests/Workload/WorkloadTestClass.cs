using System.Collections.Concurrent;
using Platform.Tests.Graph;
using Platform.Tests.Identity;

namespace Platform.Tests.Workload;

/// <summary>A class of workload tests: on the shared graph, with the database fresh for the class, signed in as a
/// person of its own (registered at the class's first test), and a <see cref="Workload"/> for each test.</summary>
public abstract class WorkloadTestClass(GraphFixture fixture) : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<Type, (string Email, string AccessToken)> People = new();

    protected GraphFixture Fixture => fixture;

    protected Workload Workload { get; private set; } = null!;

    /// <summary>The person this class's tests act as.</summary>
    protected string Email => People[GetType()].Email;

    public virtual async Task InitializeAsync()
    {
        await fixture.UseFreshDatabaseAsync(GetType());
        if (!People.TryGetValue(GetType(), out var person))
        {
            var email = await IdentityFlows.RegisterAsync(fixture.App);
            People[GetType()] = person = (email, await IdentityFlows.UserAccessTokenAsync(fixture.App, email));
        }
        Workload = await Workload.ConnectAsync(fixture.App, person.AccessToken);
    }

    public virtual async Task DisposeAsync() => await Workload.DisposeAsync();
}
