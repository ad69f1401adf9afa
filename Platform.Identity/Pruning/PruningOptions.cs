using System.ComponentModel.DataAnnotations;

namespace Platform.Identity.Pruning;

/// <summary>How OpenIddict's spent tokens are pruned (section <c>Identity:Pruning</c>), checked at start.</summary>
public sealed class PruningOptions
{
    public const string SectionName = "Identity:Pruning";

    /// <summary>Minutes between passes.</summary>
    [Range(1, 10_080)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>A spent token or authorization is kept this many days after it was made (to look into an incident),
    /// then removed.</summary>
    [Range(1, 365)]
    public int KeepDays { get; set; } = 14;
}
