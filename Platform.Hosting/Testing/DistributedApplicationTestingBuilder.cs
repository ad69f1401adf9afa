using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Projects;

namespace Platform.Hosting.Testing;

public static class DistributedApplicationTestingBuilder
{
    /// <summary>
    /// Runs the AppHost that <typeparamref name="TEntryPoint"/> names (its <c>Projects.*</c> type, or any type in
    /// its assembly) up to its <c>Build()</c> call and returns its graph, set to run on random ports (the dashboard's
    /// too) with its own empty data folder, which is deleted when the application is disposed.
    /// </summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[]? args = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dataDirectory = NewDataDirectoryPath();
        var builder = AppHostInterception.Capture(AppHostAssemblyOf(typeof(TEntryPoint)), args ?? [], builder => Isolate(builder, dataDirectory));
        return Task.FromResult<IDistributedApplicationTestingBuilder>(new TestingBuilder(builder, dataDirectory));
    }

    /// <summary>An empty builder for a graph written in the test itself, with the same isolation.</summary>
    public static IDistributedApplicationTestingBuilder Create(params string[] args)
    {
        var dataDirectory = NewDataDirectoryPath();
        var builder = new DistributedApplicationBuilder(new DistributedApplicationOptions { Args = args });
        Isolate(builder, dataDirectory);
        return new TestingBuilder(builder, dataDirectory);
    }

    // The folder itself is made when the graph is built: a builder that is never built leaves nothing behind.
    private static string NewDataDirectoryPath() => Path.Combine(Path.GetTempPath(), $"platform-test-{Guid.NewGuid():N}");

    private static void Isolate(DistributedApplicationBuilder builder, string dataDirectory) =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:DataDirectory"] = dataDirectory,
            ["Platform:ConsoleView"] = "None",
            // The dashboard runs in tests too (browser tests use it), on free ports so that runs never collide.
            ["Dashboard:Port"] = "0",
            ["Dashboard:OtlpGrpcPort"] = "0",
            ["Dashboard:OtlpHttpPort"] = "0",
        });

    private static Assembly AppHostAssemblyOf(Type entryPoint)
    {
        if (!typeof(IProjectMetadata).IsAssignableFrom(entryPoint))
        {
            return entryPoint.Assembly;
        }
        var metadata = (IProjectMetadata)Activator.CreateInstance(entryPoint)!;
        try
        {
            return Assembly.Load(Path.GetFileNameWithoutExtension(metadata.TargetPath));
        }
        catch (FileNotFoundException)
        {
            return Assembly.LoadFrom(metadata.TargetPath);
        }
    }

    private sealed class TestingBuilder(DistributedApplicationBuilder inner, string dataDirectory) : IDistributedApplicationTestingBuilder
    {
        public ConfigurationManager Configuration => inner.Configuration;
        public IServiceCollection Services => inner.Services;
        public IHostEnvironment Environment => inner.Environment;
        public DistributedApplicationExecutionContext ExecutionContext => inner.ExecutionContext;
        public string AppHostDirectory => inner.AppHostDirectory;
        public IReadOnlyList<IResource> Resources => inner.Resources;

        public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

        public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => inner.CreateResourceBuilder(resource);

        public DistributedApplication Build()
        {
            // Owner-only, as Directory.CreateTempSubdirectory makes it.
            Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            inner.Services.AddSingleton(_ => new TemporaryDirectory(dataDirectory));
            DistributedApplication app;
            try
            {
                app = inner.BuildCore();
            }
            catch
            {
                TemporaryDirectory.Delete(dataDirectory);
                throw;
            }
            // Resolved now so that the container owns it, and deletes the folder when the application is disposed.
            app.Services.GetRequiredService<TemporaryDirectory>();
            return app;
        }

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(Build());

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class TemporaryDirectory(string path) : IDisposable
    {
        public void Dispose() => Delete(path);

        public static void Delete(string path)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
