using System.Diagnostics;

namespace Platform.Hosting.Processes;

/// <summary>
/// The unprivileged account that every native resource and project runs as when the AppHost runs as root: PostgreSQL
/// refuses root, and nothing else needs it (the worker parses untrusted uploads). It is a system account of its own,
/// <c>platform</c>, created on first use as a package creates its account: <c>postgres</c> would open the machine's own
/// PostgreSQL clusters to every service, and <c>nobody</c> must own no files, while these processes own their data.
/// </summary>
internal sealed record ServiceAccount(string Name, int UserId, int GroupId)
{
    public const string AccountName = "platform";

    private static readonly NativeTool UserAdd = new("useradd", "apt-get install -y passwd",
        () => new[] { "/usr/sbin/useradd", "/sbin/useradd" }.FirstOrDefault(File.Exists));

    /// <summary>Whether children need an account of their own: only when the AppHost runs as root.</summary>
    public static bool IsNeeded => Environment.UserName == "root";

    /// <summary>The account, created first if it does not exist.</summary>
    public static async Task<ServiceAccount> FindOrCreateAsync(CancellationToken cancellationToken) =>
        Find() ?? await CreateAsync(cancellationToken);

    /// <summary>Gives a file, or a folder with everything in it, to this account. Modes are left as they are: a folder is
    /// made private by whoever creates it, and changing a mode through a path the account controls would follow a link
    /// it planted.</summary>
    public void Own(string path) => FileOwnership.GiveTree(path, UserId, GroupId);

    /// <summary>The arguments of <c>setpriv</c> that run a program as this account, with no way back to root.</summary>
    public IEnumerable<string> SetprivArguments() =>
        [$"--reuid={UserId}", $"--regid={GroupId}", "--clear-groups", "--no-new-privs", "--"];

    private static ServiceAccount? Find()
    {
        var fields = File.Exists("/etc/passwd")
            ? File.ReadLines("/etc/passwd").Select(line => line.Split(':')).FirstOrDefault(f => f.Length >= 4 && f[0] == AccountName)
            : null;
        return fields is null ? null : new ServiceAccount(AccountName, int.Parse(fields[2]), int.Parse(fields[3]));
    }

    /// <summary>Two AppHosts may start at once (parallel tests): the loser of <c>useradd</c>'s lock finds the account made.</summary>
    private static async Task<ServiceAccount> CreateAsync(CancellationToken cancellationToken)
    {
        string? error = null;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var info = new ProcessStartInfo(UserAdd.Path) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in (string[])["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                         "--shell", "/usr/sbin/nologin", "--comment", "Platform AppHost resources", AccountName])
            {
                info.ArgumentList.Add(arg);
            }
            using var useradd = Process.Start(info)!;
            error = await useradd.StandardError.ReadToEndAsync(cancellationToken);
            await useradd.WaitForExitAsync(cancellationToken);
            if (Find() is { } account)
            {
                return account;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100 * (attempt + 1)), cancellationToken);
        }
        throw new Aspire.Hosting.DistributedApplicationException(
            $"Could not create the system account '{AccountName}' that the resources run as when the AppHost runs as root: {error?.Trim()}");
    }
}
