namespace Platform.Jobs.Lifecycle;

/// <summary>What a handler produced: the job's result; for processing, the asset's new facts; for verification, whether
/// the asset's object was found (null: the job did not look).</summary>
public sealed record JobOutcome(string ResultJson, AssetFacts? Asset, bool? ObjectFound = null);
