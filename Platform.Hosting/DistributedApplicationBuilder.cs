using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Dashboard;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Publishing;
using Platform.Hosting.Testing;

namespace Platform.Hosting;

public sealed partial class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;
    private readonly List<IResource> _resources = [];
    private readonly DistributedApplicationException? _commandLineError;

    internal DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        AppHostDirectory = FindAppHostDirectory(options.AppHostAssembly ?? Assembly.GetEntryAssembly());
        string[] args;
        try
        {
            args = CommandLine.Normalize(options.Args);
        }
        catch (DistributedApplicationException e)
        {
            // Reported when the application runs, as an error message rather than a crash.
            (_commandLineError, args) = (e, []);
        }
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = SettingsReadOnce(),
            Args = args,
            ContentRootPath = AppHostDirectory,
            ApplicationName = options.AppHostAssembly?.GetName().Name,
            // The AppHost is a development tool: its services run as Development unless told otherwise.
            EnvironmentName = System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Development",
        });
        // A failed start is reported once, by the application, with the resource's own message.
        _host.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        ExecutionContext = new DistributedApplicationExecutionContext(
            string.IsNullOrEmpty(_host.Configuration[PublishingOptions.PublisherKey])
                ? DistributedApplicationOperation.Run
                : DistributedApplicationOperation.Publish);
    }

    /// <summary>
    /// The AppHost reads its appsettings once: a change to the graph needs a restart anyway, and watching for
    /// changes would watch the AppHost's whole folder (the S3 emulator's packages, the AWS CDK's assets: about
    /// 500 folders), which costs a quarter of a second at every start.
    /// </summary>
    private static ConfigurationManager SettingsReadOnce()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        return configuration;
    }

    public ConfigurationManager Configuration => _host.Configuration;

    public IServiceCollection Services => _host.Services;

    public IHostEnvironment Environment => _host.Environment;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public string AppHostDirectory { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (!ValidName().IsMatch(resource.Name))
        {
            throw new ArgumentException(
                $"Resource name '{resource.Name}' is invalid: use 1-64 ASCII letters, digits and single hyphens, starting with a letter.",
                nameof(resource));
        }
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Cannot add resource '{resource.Name}': a resource with that name already exists.");
        }
        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    /// <summary>Builds the application. A bad command line or an invalid graph is not thrown here: running the
    /// application reports it as an error message and exits with code 1; starting it throws.</summary>
    public DistributedApplication Build()
    {
        // Under the testing builder, the AppHost's own Build() hands its graph to the test instead.
        AppHostInterception.HandOver(this);
        try
        {
            return BuildCore();
        }
        catch (DistributedApplicationException e)
        {
            return new DistributedApplication(new FailedHost(e));
        }
    }

    internal DistributedApplication BuildCore()
    {
        if (_commandLineError is not null)
        {
            throw _commandLineError;
        }
        var model = new DistributedApplicationModel(_resources);
        model.Validate();
        Services.AddSingleton(model);
        Services.AddSingleton(ExecutionContext);
        Services.AddSingleton<ResourceNotificationService>();
        Services.AddSingleton<ResourceLoggerService>();
        Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        if (ExecutionContext.IsRunMode)
        {
            // First, so that a parent gone during the start stops the start too.
            Services.AddHostedService<ParentProcessWatch>();
            // Before the orchestration: the dashboard serves from the first moment and prints its link above the console view.
            DashboardLoader.AddTo(Services, Configuration);
            Services.AddLocalOrchestration(Configuration, AppHostDirectory);
        }
        else
        {
            Services.AddPublishing(Configuration);
        }
        return new DistributedApplication(_host.Build());
    }

    private static string FindAppHostDirectory(Assembly? appHostAssembly) =>
        appHostAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PlatformAppHostDirectory")?.Value
        ?? System.Environment.CurrentDirectory;

    [GeneratedRegex("^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,63}$")]
    private static partial Regex ValidName();
}
