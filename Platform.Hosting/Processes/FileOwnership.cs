using System.Runtime.InteropServices;

namespace Platform.Hosting.Processes;

/// <summary>Changes the owner of files in-process: no <c>chown</c> child, which would be the one child running as root.</summary>
internal static partial class FileOwnership
{
    /// <summary>Gives <paramref name="path"/> and, for a folder, everything inside it to the user and group. Links are
    /// changed themselves, never followed: a link in a service's folder must not give it a file elsewhere.</summary>
    public static void GiveTree(string path, int userId, int groupId)
    {
        Give(path, userId, groupId);
        if (Directory.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            foreach (var entry in Directory.EnumerateFileSystemEntries(path, "*", options))
            {
                Give(entry, userId, groupId);
            }
        }
    }

    private static void Give(string path, int userId, int groupId)
    {
        if (lchown(path, userId, groupId) != 0)
        {
            throw new IOException($"Could not give '{path}' to user {userId}: error {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, int owner, int group);
}
