namespace Platform.Hosting.Publishing;

/// <summary>Aspire's publishing switches: <c>--publisher</c> and <c>--output-path</c>.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";
    public const string PublisherKey = "Publishing:Publisher";

    public string Publisher { get; set; } = "";

    public string OutputPath { get; set; } = "";
}
