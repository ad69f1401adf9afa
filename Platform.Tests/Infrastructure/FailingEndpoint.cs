using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A real Kestrel on a free loopback port with a service's own problem responses, whose <c>GET /fail/{name}</c> throws
/// the named exception: how that service answers each failure, without the rest of it.
/// </summary>
internal sealed class FailingEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FailingEndpoint(WebApplication app)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    /// <param name="addProblemResponses">Registers the service's problem responses.</param>
    /// <param name="useProblemResponses">Adds them to the pipeline.</param>
    public static async Task<FailingEndpoint> StartAsync(IReadOnlyDictionary<string, Func<Exception>> failures,
        Action<WebApplicationBuilder> addProblemResponses, Action<WebApplication> useProblemResponses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        addProblemResponses(builder);
        var app = builder.Build();
        useProblemResponses(app);
        app.MapGet("/fail/{name}", (string name) => { throw failures[name](); });
        await app.StartAsync();
        return new FailingEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
