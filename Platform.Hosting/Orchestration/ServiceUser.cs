namespace Platform.Hosting.Orchestration;

/// <summary>
/// The user that server processes run as. PostgreSQL refuses to run as root, so when the AppHost is root its
/// servers run as the unprivileged <c>postgres</c> user (created by the PostgreSQL packages), or <c>nobody</c>.
/// </summary>
internal static class ServiceUser
{
    public static string? Current { get; } = Environment.UserName == "root" ? FirstExisting("postgres", "nobody") : null;

    private static string? FirstExisting(params string[] users)
    {
        var known = File.Exists("/etc/passwd")
            ? File.ReadLines("/etc/passwd").Select(line => line.Split(':')[0]).ToHashSet()
            : [];
        return users.FirstOrDefault(known.Contains);
    }
}
