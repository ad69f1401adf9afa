using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Mail;

/// <summary>
/// smtp4dev, the mail catcher: installed once into the tools folder with <c>dotnet tool install</c> at a pinned version
/// (as the account the processes run as), then run with dotnet: SMTP and its web inbox on loopback only, messages in
/// memory, no IMAP or POP3.
/// </summary>
internal static class Smtp4dev
{
    public const string Package = "Rnwood.Smtp4dev";
    public const string Version = "3.15.0";

    /// <summary>Every message of a test run stays readable (smtp4dev keeps 100 by default).</summary>
    private const int MessagesToKeep = 10_000;

    internal static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    private static readonly Dictionary<string, string> QuietDotnet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
    };

    public static readonly NativeTool Dotnet = NativeTool.OnPath("dotnet", "install the .NET SDK: https://dot.net");

    private static string InstallDirectory(NativeProcesses processes) => Path.Combine(processes.Options.ToolsDirectory, "smtp4dev-" + Version);

    /// <summary>The tool's own assembly, run with dotnet (the tool's launcher needs its folder writable by the runner).</summary>
    public static string EntryOf(NativeProcesses processes) => Path.Combine(InstallDirectory(processes), ".store", Package.ToLowerInvariant(), Version,
        Package.ToLowerInvariant() + ".linux-x64", Version, "tools", "net10.0", "linux-x64", "Rnwood.Smtp4dev.dll");

    public static IEnumerable<object> Arguments(MailCatcherResource catcher, NativeProcesses processes) =>
    [
        EntryOf(processes),
        ReferenceExpression.Create($"--urls=http://127.0.0.1:{catcher.InboxEndpoint.Property(EndpointProperty.TargetPort)}"),
        ReferenceExpression.Create($"--smtpport={catcher.SmtpEndpoint.Property(EndpointProperty.TargetPort)}"),
        "--bindaddress=127.0.0.1",
        "--hostname=localhost",
        "--imapport=",
        "--pop3port=",
        "--db=",
        "--nousersettings",
        $"--messagestokeep={MessagesToKeep}",
    ];

    public static async Task PrepareAsync(MailCatcherResource catcher, BeforeResourceStartedEvent e, CancellationToken cancellationToken)
    {
        var processes = e.Services.GetRequiredService<NativeProcesses>();
        var log = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(catcher);
        var directory = InstallDirectory(processes);
        await using (await InstallLock.AcquireAsync(processes.Options.ToolsDirectory, cancellationToken))
        {
            if (!File.Exists(EntryOf(processes)))
            {
                log.LogInformation("Installing the mail catcher ({Package} {Version}) with dotnet tool install; this happens once.", Package, Version);
                processes.CreateServiceDirectory(directory);
                // In its own folder (the tool writes beside where it runs), quietly, and without a development certificate.
                await processes.RunAsync(log, Dotnet.Path, ["tool", "install", Package, "--version", Version, "--tool-path", directory], cancellationToken,
                    environment: QuietDotnet, workingDirectory: directory);
            }
        }
        processes.CreateServiceDirectory(catcher.DataDirectory);
    }

    /// <summary>Its API answers with the inbox's first page.</summary>
    public static async Task<HealthCheckResult> CheckAsync(MailCatcherResource catcher, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync($"{await catcher.InboxEndpoint.GetValueAsync(cancellationToken)}/api/messages?pageSize=1", cancellationToken);
        return response.IsSuccessStatusCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"its API answered {(int)response.StatusCode}");
    }
}
