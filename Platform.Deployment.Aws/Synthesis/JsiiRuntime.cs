using Amazon.JSII.Runtime.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Deployment.Aws.Synthesis;

/// <summary>
/// The jsii runtime the CDK for .NET runs on, owned here so that it is disposed when the process exits. jsii keeps
/// its own in a static that is never disposed, which leaves its Node.js runtime and the CDK's bundled assets (about
/// 65 MB) behind in a new temporary folder on every run.
/// </summary>
internal static class JsiiRuntime
{
    private static readonly Lazy<ServiceProvider> Runtime = new(Start);

    public static void EnsureStarted() => _ = Runtime.Value;

    /// <summary>Ends the Node.js process and deletes the folders jsii extracted; the runtime cannot start again.</summary>
    public static void Stop()
    {
        if (Runtime.IsValueCreated)
        {
            Runtime.Value.Dispose();
        }
    }

    private static ServiceProvider Start()
    {
        // jsii warns in a large box about any Node.js release it has not been tested with or that is past its end of
        // life (that one is silenced by listing major versions); synthesis works on those installed here.
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,19,20,21,23");
        var runtime = ServiceContainer.BuildServiceProvider();
        ServiceContainer.ServiceProviderOverride = runtime;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        return runtime;
    }
}
