using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Rds;

/// <summary>An RDS instance's CPU and free storage, and a read replica's lag behind its primary.</summary>
internal static class DatabaseAlarms
{
    private const string Namespace = "AWS/RDS";
    private const double BytesPerGiB = 1024d * 1024 * 1024;

    public static void Create(DeploymentContext context, MappedResource owner, IDatabaseInstance instance, bool replica)
    {
        var resource = owner.Resource;
        var thresholds = context.Settings.Alarms;
        var dimensions = new Dictionary<string, string> { ["DBInstanceIdentifier"] = instance.InstanceIdentifier };
        var cpu = Metrics.Of(Namespace, "CPUUtilization", "Average", dimensions, label: "CPU %");
        var storage = Metrics.Of(Namespace, "FreeStorageSpace", "Minimum", dimensions, label: "free storage (bytes)");
        List<Alarm> alarms =
        [
            context.Monitoring.Alarm(owner, "cpu", cpu, thresholds.DatabaseCpuPercent, $"CPU of '{resource}' over {thresholds.DatabaseCpuPercent} %"),
            context.Monitoring.Alarm(owner, "free-storage", storage, thresholds.DatabaseFreeStorageGiB * BytesPerGiB,
                $"Free storage of '{resource}' under {thresholds.DatabaseFreeStorageGiB} GiB", AlarmShape.SustainedBelow),
        ];
        List<IWidget> widgets = [Metrics.Graph($"{resource} CPU %", [cpu], thresholds.DatabaseCpuPercent), Metrics.Graph($"{resource} free storage", [storage], thresholds.DatabaseFreeStorageGiB * BytesPerGiB)];
        if (replica)
        {
            // Only a read replica reports ReplicaLag; a Multi-AZ standby serves no reads and has none.
            var lag = Metrics.Of(Namespace, "ReplicaLag", "Maximum", dimensions, label: "replica lag (s)");
            alarms.Add(context.Monitoring.Alarm(owner, "replica-lag", lag, thresholds.ReplicaLagSeconds, $"'{resource}' over {thresholds.ReplicaLagSeconds} s behind its primary"));
            widgets.Add(Metrics.Graph($"{resource} replica lag (s)", [lag], thresholds.ReplicaLagSeconds));
        }
        widgets.Add(new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = $"{resource} alarms", Alarms = [.. alarms], Width = 6, Height = 6 }));
        context.Monitoring.AddRow(DashboardSection.Databases, $"{resource}: database", [.. widgets]);
    }
}
