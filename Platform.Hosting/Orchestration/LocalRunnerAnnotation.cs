using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

public sealed class LocalRunnerAnnotation(ILocalRunner runner) : IResourceAnnotation
{
    public ILocalRunner Runner { get; } = runner;
}
