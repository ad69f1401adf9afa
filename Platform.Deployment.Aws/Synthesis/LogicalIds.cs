namespace Platform.Deployment.Aws.Synthesis;

internal static class LogicalIds
{
    /// <summary>A CloudFormation-safe identifier made from a resource name: <c>pg-replica</c> becomes <c>PgReplica</c>.</summary>
    public static string Of(string name) =>
        string.Concat(name.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
