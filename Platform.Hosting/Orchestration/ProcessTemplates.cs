namespace Platform.Hosting.Orchestration;

/// <summary>
/// Placeholders in environment values that the orchestrator fills in per replica when it starts a process, as
/// Aspire's DCP fills in the same templates (the values differ between replicas of one resource).
/// </summary>
public static class ProcessTemplates
{
    public const string ServiceInstanceId = "{{- index .Annotations \"otel-service-instance-id\" -}}";

    public static string Fill(string value, LocalRunContext context) =>
        value.Contains(ServiceInstanceId, StringComparison.Ordinal) ? value.Replace(ServiceInstanceId, context.InstanceId, StringComparison.Ordinal) : value;
}
