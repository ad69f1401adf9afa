using System.ComponentModel.DataAnnotations;

namespace Platform.Worker.Reconciliation;

/// <summary>The orphan sweep's settings (section <c>Reconciliation</c> of appsettings.json).</summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    /// <summary>How often one worker lists the bucket for objects that no asset names.</summary>
    [Range(1, 86_400)]
    public int OrphanSweepSeconds { get; set; }

    /// <summary>An object without a record is deleted only once its upload began this long ago: longer than the api's
    /// <c>Assets:UploadTimeoutSeconds</c>, so an upload still in flight (object stored, record not yet written) is never
    /// taken for an orphan.</summary>
    [Range(60, 30 * 86_400)]
    public int OrphanAfterSeconds { get; set; }
}
