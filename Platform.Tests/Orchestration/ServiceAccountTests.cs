using Platform.Hosting;
using Platform.Hosting.Orchestration;

namespace Platform.Tests.Orchestration;

/// <summary>What the unprivileged account cannot reach is named, with its fix, before anything starts.</summary>
[Trait("Tier", "Fast")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServiceAccountTests : IDisposable
{
    private static readonly ServiceAccount Account = new("platform", 999, 999, "/nonexistent");
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("platform-service-account-");

    [Fact]
    public void A_build_output_inside_a_closed_folder_is_refused_with_its_chmod()
    {
        var closed = Directory.CreateDirectory(Path.Combine(_root.FullName, "closed")).FullName;
        var assembly = Path.Combine(Directory.CreateDirectory(Path.Combine(closed, "bin")).FullName, "Platform.Api.dll");
        File.WriteAllText(assembly, "");
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = Assert.Throws<DistributedApplicationException>(() => Account.EnsureCanRead(assembly, "The build output of project 'api'"));

        Assert.Contains($"`chmod o+x {closed}`", error.Message);
    }

    [Fact]
    public void A_build_output_readable_by_its_owner_only_is_refused_with_its_chmod()
    {
        var assembly = Path.Combine(_root.FullName, "Platform.Api.dll");
        File.WriteAllText(assembly, "");
        File.SetUnixFileMode(_root.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(assembly, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<DistributedApplicationException>(() => Account.EnsureCanRead(assembly, "The build output of project 'api'"));

        Assert.Contains($"`chmod -R o+rX {_root.FullName}`", error.Message);

        File.SetUnixFileMode(assembly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Account.EnsureCanRead(assembly, "The build output of project 'api'");
    }

    public void Dispose() => _root.Delete(recursive: true);
}
