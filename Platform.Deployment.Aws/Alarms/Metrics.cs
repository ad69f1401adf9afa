using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace Platform.Deployment.Aws.Alarms;

/// <summary>CloudWatch metrics and dashboard graphs, as every alarm file writes them.</summary>
internal static class Metrics
{
    public static Metric Of(string metricNamespace, string name, string statistic, IDictionary<string, string> dimensions, int periodMinutes = 1, string? label = null) => new(new MetricProps
    {
        Namespace = metricNamespace,
        MetricName = name,
        DimensionsMap = dimensions,
        Statistic = statistic,
        Period = Duration.Minutes(periodMinutes),
        Label = label,
    });

    /// <summary>A graph of <paramref name="metrics"/>, with a line at each alarm threshold.</summary>
    public static GraphWidget Graph(string title, IMetric[] metrics, params double[] thresholds) => new(new GraphWidgetProps
    {
        Title = title,
        Left = metrics,
        LeftAnnotations = [.. thresholds.Select(t => new HorizontalAnnotation { Value = t, Label = "alarm" })],
        Width = 6,
        Height = 6,
    });
}
