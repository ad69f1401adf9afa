using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
static class DebugLogs
{
    public static void Attach(IDistributedApplicationBuilder builder)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var logs = e.Services.GetRequiredService<ResourceLoggerService>();
            foreach (var r in e.Model.Resources)
            {
                var name = r.Name;
                _ = Task.Run(async () =>
                {
                    await foreach (var batch in logs.WatchAsync(r))
                        foreach (var line in batch) Console.WriteLine($"[{name}] {line.Content}");
                });
            }
            return Task.CompletedTask;
        });
    }
}
