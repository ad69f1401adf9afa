using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting.Processes;

/// <summary>
/// What a container-free integration does on this machine besides its resource's own process: folders and private files
/// that the service account owns, and one-off commands (<c>initdb</c>, <c>pg_basebackup</c>, <c>npm ci</c>) run as that
/// account with the same restricted environment as every child.
/// </summary>
public sealed class NativeProcesses(NativeRunOptions options)
{
    /// <summary>How many of a failed command's last output lines its error shows.</summary>
    private const int FailureLines = 20;

    public NativeRunOptions Options => options;

    /// <summary>Generated secrets, kept in the data folder.</summary>
    internal Secrets.SecretStore Secrets { get; } = new(options.SecretsFile);

    /// <summary>The account every native process runs as, when the AppHost runs as root; set when the run starts.</summary>
    internal ServiceAccount? Account { get; set; }

    /// <summary>The folder of a resource's data, kept between runs.</summary>
    public string DataDirectoryOf(IResource resource) => options.DataDirectoryOf(resource.Name);

    /// <summary>Creates the folder, private to the account the processes run as, and gives it to that account.</summary>
    public void CreateServiceDirectory(string path)
    {
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Account?.Own(path);
    }

    /// <summary>Writes a file that only the account the processes run as can read (mode 600 from its creation).</summary>
    public async Task WritePrivateFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        await using (var stream = PrivateFile.Create(path))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(content.AsMemory(), cancellationToken);
        }
        Account?.Own(path);
    }

    /// <summary>Runs a command to completion as the account, its output in the resource's log; throws, with the last
    /// lines of its output, when it fails.</summary>
    public async Task RunAsync(ILogger log, string program, IEnumerable<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        string[] args = [.. arguments];
        var info = StartInfo(program, args, environment, workingDirectory);
        using var process = Process.Start(info) ?? throw new DistributedApplicationException($"Could not start '{program}'.");
        var tail = new Queue<string>();
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }
            log.LogInformation("{Line}", line);
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > FailureLines)
                {
                    tail.Dequeue();
                }
            }
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException(
                $"'{Path.GetFileName(program)} {string.Join(' ', args)}' failed with exit code {process.ExitCode}:" +
                Environment.NewLine + string.Join(Environment.NewLine, tail));
        }
    }

    private ProcessStartInfo StartInfo(string program, string[] arguments, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        var info = new ProcessStartInfo(Account is null ? program : NativeTool.Setpriv.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? options.DataDirectory,
        };
        foreach (var argument in Account is null ? arguments : [.. Account.SetprivArguments(), program, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment.Clear();
        foreach (var (name, value) in ChildEnvironment.Inherited())
        {
            info.Environment[name] = value;
        }
        if (Account is not null)
        {
            info.Environment["HOME"] = options.ServiceHome;
            info.Environment["USER"] = info.Environment["LOGNAME"] = Account.Name;
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        return info;
    }
}
