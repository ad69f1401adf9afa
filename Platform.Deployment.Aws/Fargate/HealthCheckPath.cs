namespace Platform.Deployment.Aws.Fargate;

/// <summary>What a load balancer checks on a task: the path, and the answers that count as healthy.</summary>
internal sealed record HealthCheckPath(string Path, string HealthyCodes);
