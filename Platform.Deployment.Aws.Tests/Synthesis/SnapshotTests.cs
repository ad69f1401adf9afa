using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// Every template the tests synthesize, and its plan, byte for byte as committed in Snapshots/: a change to the
/// deployment that changes a template shows here, on purpose or not. Synthesis is deterministic (no asset hashes, no
/// time, no absolute path in a template or plan), so nothing is normalized. After an intended change, write the new
/// snapshots with <c>PLATFORM_UPDATE_SNAPSHOTS=1</c> (each test that writes one fails, saying so), review their diff
/// and commit it, naming the change.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed class SnapshotTests(SynthesizedTemplates templates)
{
    public static TheoryData<string> Names => [.. SynthesizedTemplates.Inputs.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_template_and_the_plan_are_the_committed_snapshots(string name)
    {
        var result = templates[name].Result;

        Match(result.TemplatePath, $"{name}.template.json");
        Match(Path.Combine(result.CloudAssemblyDirectory, EcsSynthesizer.PlanFile), $"{name}.plan.md");
    }

    private static void Match(string synthesized, string snapshotName)
    {
        var snapshot = Repository.Tests("Snapshots", snapshotName);
        var actual = File.ReadAllText(synthesized);
        var expected = File.Exists(snapshot) ? File.ReadAllText(snapshot) : null;
        if (actual == expected)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("PLATFORM_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(snapshot, actual);
            Assert.Fail($"{snapshotName} written: review its diff, then run the tests again without PLATFORM_UPDATE_SNAPSHOTS");
        }
        Assert.True(expected is not null, $"No snapshot {snapshot}: write it with PLATFORM_UPDATE_SNAPSHOTS=1");
        var (lines, committed) = (actual.Split('\n'), expected.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(lines.Length, committed.Length)).FirstOrDefault(i => lines[i] != committed[i], Math.Min(lines.Length, committed.Length));
        Assert.Fail($"{snapshotName} differs from its snapshot at line {line + 1}:\n  committed:   {committed.ElementAtOrDefault(line)}\n  synthesized: {lines.ElementAtOrDefault(line)}");
    }
}
