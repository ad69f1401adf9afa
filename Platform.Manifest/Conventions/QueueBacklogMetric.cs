namespace Platform.Manifest.Conventions;

/// <summary>
/// The queue backlog a worker publishes for the cloud deployment's scaling (README, "Queue backlog metric"): the
/// deployment sets <see cref="NamespaceVariable"/> on a service that scales on its backlog, and the service then writes
/// <see cref="MetricName"/> (and <see cref="DeadLetteredMetricName"/>) in that namespace, with the dimension
/// <see cref="ServiceDimension"/>.
/// </summary>
public static class QueueBacklogMetric
{
    /// <summary>The environment variable the deployment sets...</summary>
    public const string NamespaceVariable = "CloudWatch__Namespace";

    /// <summary>...and the configuration key the service reads it as.</summary>
    public const string NamespaceKey = "CloudWatch:Namespace";

    public const string Namespace = "Platform";
    public const string MetricName = "QueueBacklog";

    /// <summary>Written beside <see cref="MetricName"/>: the jobs this task dead-lettered since its last line.</summary>
    public const string DeadLetteredMetricName = "DeadLetteredJobs";
    public const string ServiceDimension = "ServiceName";
}
