using Platform.Hosting.Orchestration;

namespace Platform.Tests.Orchestration;

/// <summary>Secrets a server reads from a file (PostgreSQL's initial password, Redis's config) are never readable by others.</summary>
[Trait("Tier", "Fast")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFileTests
{
    [Fact]
    public void A_private_file_is_owner_only_from_its_creation_even_where_a_readable_file_was()
    {
        var folder = Directory.CreateTempSubdirectory("platform-private-file-");
        try
        {
            var path = Path.Combine(folder.FullName, "password");
            File.WriteAllText(path, "old");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            using (var file = PrivateFile.Create(path))
            {
                // Before a byte is written: nobody else could have opened it in between.
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                Assert.Equal(0, file.Length);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
