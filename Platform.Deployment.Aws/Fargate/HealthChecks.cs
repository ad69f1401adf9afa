using Platform.Manifest;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// A project (ServiceDefaults) answers <c>/alive</c> without calling PostgreSQL, Redis or S3, so an outage of a
/// dependency does not take every task out of the load balancer (and a check costs no query). A container's image is
/// not ours: any HTTP answer on <c>/</c> shows that it listens, 404 or 401 included.
/// </summary>
internal static class HealthChecks
{
    public static HealthCheckPath Alive { get; } = new("/alive", "200");

    public static HealthCheckPath Listening { get; } = new("/", "200-499");

    public static HealthCheckPath For(Workload workload) => workload.Resource is ManifestProject ? Alive : Listening;
}
