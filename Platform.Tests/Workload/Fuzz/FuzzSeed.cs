namespace Platform.Tests.Workload.Fuzz;

/// <summary>The seed of a run: <c>PLATFORM_FUZZ_SEED</c> when set (to replay a failure), otherwise a new one each run.</summary>
public static class FuzzSeed
{
    public const string Variable = "PLATFORM_FUZZ_SEED";

    public static int Value { get; } = int.TryParse(Environment.GetEnvironmentVariable(Variable), out var seed) ? seed : Random.Shared.Next();
}
