using System.Reflection;

namespace Platform.Hosting.Testing;

/// <summary>
/// Lets a test run an AppHost's own entry point and take the graph it declares, unstarted: when the AppHost
/// calls <c>Build()</c>, the builder is handed to the test and the entry point is unwound. So tests start the
/// same graph the AppHost defines, not a copy of it.
/// </summary>
internal static class AppHostInterception
{
    private static readonly AsyncLocal<Interception?> Active = new();

    internal sealed class Interception(Assembly appHostAssembly, Action<DistributedApplicationBuilder> configure)
    {
        public Assembly AppHostAssembly { get; } = appHostAssembly;
        public Action<DistributedApplicationBuilder> Configure { get; } = configure;
        public DistributedApplicationBuilder? Builder { get; set; }
    }

    private sealed class HandedOverException : Exception;

    public static DistributedApplicationOptions Adjust(DistributedApplicationOptions options) =>
        Active.Value is { } interception
            ? new DistributedApplicationOptions { Args = options.Args, AppHostAssembly = interception.AppHostAssembly }
            : options;

    public static DistributedApplicationBuilder Configure(DistributedApplicationBuilder builder)
    {
        Active.Value?.Configure(builder);
        return builder;
    }

    public static void HandOver(DistributedApplicationBuilder builder)
    {
        if (Active.Value is { } interception)
        {
            interception.Builder = builder;
            throw new HandedOverException();
        }
    }

    /// <summary>Runs the AppHost's entry point up to its <c>Build()</c> call and returns the builder.</summary>
    public static DistributedApplicationBuilder Capture(Assembly appHostAssembly, string[] args, Action<DistributedApplicationBuilder> configure)
    {
        var entryPoint = appHostAssembly.EntryPoint
            ?? throw new InvalidOperationException($"Assembly '{appHostAssembly.GetName().Name}' does not have an entry point: it is not an AppHost.");
        var interception = new Interception(appHostAssembly, configure);
        var previous = Active.Value;
        Active.Value = interception;
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (Unwrap(e) is HandedOverException)
        {
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
        }
        finally
        {
            Active.Value = previous;
        }
        return interception.Builder
            ?? throw new InvalidOperationException($"The entry point of '{appHostAssembly.GetName().Name}' exited without building a DistributedApplication.");
    }

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;
}
