using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>The repository's manifest synthesized once, with the committed deployment settings, for the mapping tests.</summary>
public sealed class SynthesizedPlatform : IDisposable
{
    internal SynthesizedTemplate Template { get; } =
        SynthesizedTemplate.Synthesize(Repository.ManifestPath, Path.Combine(Repository.Root, "ecs-settings.json"));

    public void Dispose() => Template.Delete();
}
