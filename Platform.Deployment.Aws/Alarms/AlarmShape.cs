using Amazon.CDK.AWS.CloudWatch;

namespace Platform.Deployment.Aws.Alarms;

/// <summary>How long a threshold must be broken before an alarm fires, and which side of it breaks it.</summary>
internal sealed record AlarmShape(ComparisonOperator Comparison, int EvaluationPeriods, int DatapointsToAlarm)
{
    /// <summary>3 of the last 5 periods above: a short spike is not an incident, a sustained one is caught within minutes.</summary>
    public static AlarmShape Sustained { get; } = new(ComparisonOperator.GREATER_THAN_THRESHOLD, 5, 3);

    /// <summary>One period above: every occurrence counts (dead letters, evictions).</summary>
    public static AlarmShape Any { get; } = new(ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1);

    public static AlarmShape SustainedBelow { get; } = new(ComparisonOperator.LESS_THAN_THRESHOLD, 5, 3);
}
