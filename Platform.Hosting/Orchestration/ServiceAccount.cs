using System.Diagnostics;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// The unprivileged account that every child process runs as when the AppHost runs as root: PostgreSQL refuses root,
/// and nothing else needs it (the worker parses untrusted uploads). It is a system account of its own, <c>platform</c>,
/// created on first use as a package creates its account: <c>postgres</c> would open the machine's own PostgreSQL
/// clusters to every service, and <c>nobody</c> must own no files, while these processes own their data. Its home for a
/// run is a private folder in the data directory (npm's cache, .NET's per-user files).
/// </summary>
internal sealed record ServiceAccount(string Name, int UserId, int GroupId, string Home)
{
    public const string AccountName = "platform";

    public static readonly NativeTool UserAdd = new("useradd", "apt-get install -y passwd", () => new[] { "/usr/sbin/useradd", "/sbin/useradd" }.FirstOrDefault(File.Exists));

    /// <summary>Whether children need an account of their own: only when the AppHost runs as root.</summary>
    public static bool IsNeeded => Environment.UserName == "root";

    /// <summary>Creates the account if it does not exist, and its private home folder <paramref name="home"/>.</summary>
    public static async Task<ServiceAccount> PrepareAsync(NativeTools tools, string home, CancellationToken cancellationToken)
    {
        var account = Find(AccountName, home) ?? await CreateAsync(tools, home, cancellationToken);
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        account.TakeOwnership(home);
        return account;
    }

    /// <summary>Gives a file, or a folder with everything in it, to this account. Modes are left as they are: a folder
    /// is made private by whoever creates it, and changing a mode through a path the account controls would follow a
    /// link it planted.</summary>
    public void TakeOwnership(string path) => FileOwnership.GiveTree(path, UserId, GroupId);

    /// <summary>Throws, naming the folder and the fix, when this account cannot reach <paramref name="path"/>
    /// because a folder above it is closed to other users.</summary>
    public void EnsureCanReach(string path, string what, string? otherFix = null)
    {
        var closed = Ancestors(path).FirstOrDefault(d => !File.GetUnixFileMode(d).HasFlag(UnixFileMode.OtherExecute));
        if (closed is not null)
        {
            throw new DistributedApplicationException(
                $"{what} '{path}' is inside '{closed}', which user '{Name}' cannot enter. " +
                $"The resources run as that user because the AppHost runs as root. Fix: `chmod o+x {closed}`{(otherFix is null ? "" : ", or " + otherFix)}.");
        }
    }

    /// <summary>As <see cref="EnsureCanReach"/>, and the file itself must be readable by others (a build made with umask
    /// 077 is not).</summary>
    public void EnsureCanRead(string file, string what)
    {
        EnsureCanReach(file, what);
        if (!File.GetUnixFileMode(file).HasFlag(UnixFileMode.OtherRead))
        {
            throw new DistributedApplicationException(
                $"{what} '{file}' cannot be read by user '{Name}', which the resources run as because the AppHost runs as root. " +
                $"Fix: `chmod -R o+rX {Path.GetDirectoryName(file)}`.");
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(path)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            yield return directory;
        }
    }

    private static ServiceAccount? Find(string name, string home)
    {
        var fields = File.Exists("/etc/passwd")
            ? File.ReadLines("/etc/passwd").Select(line => line.Split(':')).FirstOrDefault(f => f.Length >= 4 && f[0] == name)
            : null;
        return fields is null ? null : new ServiceAccount(name, int.Parse(fields[2]), int.Parse(fields[3]), home);
    }

    /// <summary>Two AppHosts may start at once (parallel tests): the loser of <c>useradd</c>'s lock finds the account made.</summary>
    private static async Task<ServiceAccount> CreateAsync(NativeTools tools, string home, CancellationToken cancellationToken)
    {
        string? error = null;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var info = new ProcessStartInfo(tools.PathOf(UserAdd)) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in (string[])["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                         "--shell", "/usr/sbin/nologin", "--comment", "Platform AppHost resources", AccountName])
            {
                info.ArgumentList.Add(arg);
            }
            using var useradd = Process.Start(info)!;
            error = await useradd.StandardError.ReadToEndAsync(cancellationToken);
            await useradd.WaitForExitAsync(cancellationToken);
            if (Find(AccountName, home) is { } account)
            {
                return account;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100 * (attempt + 1)), cancellationToken);
        }
        throw new DistributedApplicationException(
            $"Could not create the system account '{AccountName}' that the resources run as when the AppHost runs as root: {error?.Trim()}");
    }
}
