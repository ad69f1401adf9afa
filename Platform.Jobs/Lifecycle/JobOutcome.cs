namespace Platform.Jobs.Lifecycle;

/// <summary>What a handler produced: the job's result, and for processing, the asset's new facts.</summary>
public sealed record JobOutcome(string ResultJson, AssetFacts? Asset);
