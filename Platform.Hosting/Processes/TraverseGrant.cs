using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Platform.Hosting.Processes;

/// <summary>
/// Lets one user enter (not list, not read) the folders above a path that are closed to others, such as a root user's
/// home (mode 700) that holds the checkout: a POSIX ACL entry <c>u:platform:--x</c> on each such folder, as
/// <c>setfacl -m u:platform:x</c> would write it. Nobody else gains anything, and the folder's mode bits stay as they were.
/// </summary>
internal static partial class TraverseGrant
{
    private const string AccessAcl = "system.posix_acl_access";
    private const ushort Version = 2;
    private const ushort UserObject = 0x01, NamedUser = 0x02, GroupObject = 0x04, Mask = 0x10, Other = 0x20;
    private const ushort Execute = 1;
    private const uint Undefined = uint.MaxValue;

    /// <summary>The folders above <paramref name="path"/> that others cannot enter, outermost first.</summary>
    public static IEnumerable<string> ClosedAncestors(string path)
    {
        var closed = new List<string>();
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(path)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (!File.GetUnixFileMode(directory).HasFlag(UnixFileMode.OtherExecute))
            {
                closed.Add(directory);
            }
        }
        closed.Reverse();
        return closed;
    }

    /// <summary>Adds execute for <paramref name="userId"/> to the folder's access ACL (made from its mode when it has
    /// none). Returns whether it changed anything; throws when the file system keeps no ACLs.</summary>
    public static bool Grant(string directory, int userId)
    {
        var entries = Read(directory) ?? FromMode(File.GetUnixFileMode(directory));
        var user = entries.FindIndex(e => e.Tag == NamedUser && e.Id == (uint)userId);
        if (user >= 0 && (entries[user].Permissions & Execute) != 0)
        {
            return false;
        }
        if (user >= 0)
        {
            entries[user] = entries[user] with { Permissions = (ushort)(entries[user].Permissions | Execute) };
        }
        else
        {
            entries.Add(new Entry(NamedUser, Execute, (uint)userId));
        }
        // The mask bounds every named entry: it must let execute through. With no mask yet, it starts from the group's bits.
        var mask = entries.FindIndex(e => e.Tag == Mask);
        var groupBits = entries.First(e => e.Tag == GroupObject).Permissions;
        if (mask >= 0)
        {
            entries[mask] = entries[mask] with { Permissions = (ushort)(entries[mask].Permissions | Execute) };
        }
        else
        {
            entries.Add(new Entry(Mask, (ushort)(groupBits | Execute), Undefined));
        }
        Write(directory, [.. entries.OrderBy(e => e.Tag).ThenBy(e => e.Id)]);
        return true;
    }

    private static List<Entry> FromMode(UnixFileMode mode)
    {
        var bits = (int)mode;
        return
        [
            new(UserObject, (ushort)((bits >> 6) & 7), Undefined),
            new(GroupObject, (ushort)((bits >> 3) & 7), Undefined),
            new(Other, (ushort)(bits & 7), Undefined),
        ];
    }

    private static List<Entry>? Read(string path)
    {
        var buffer = new byte[4 + 8 * 64];
        var length = getxattr(path, AccessAcl, buffer, (nuint)buffer.Length);
        if (length < 0)
        {
            return null; // ENODATA: no ACL beyond the mode bits.
        }
        var entries = new List<Entry>();
        for (var offset = 4; offset + 8 <= length; offset += 8)
        {
            var span = buffer.AsSpan(offset, 8);
            entries.Add(new Entry(BinaryPrimitives.ReadUInt16LittleEndian(span), BinaryPrimitives.ReadUInt16LittleEndian(span[2..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[4..])));
        }
        return entries;
    }

    private static void Write(string path, IReadOnlyList<Entry> entries)
    {
        var buffer = new byte[4 + 8 * entries.Count];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, Version);
        for (var i = 0; i < entries.Count; i++)
        {
            var span = buffer.AsSpan(4 + 8 * i, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(span, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(span[2..], entries[i].Permissions);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], entries[i].Id);
        }
        if (setxattr(path, AccessAcl, buffer, (nuint)buffer.Length, 0) != 0)
        {
            throw new IOException($"Could not add an ACL entry to '{path}': error {Marshal.GetLastPInvokeError()}.");
        }
    }

    private readonly record struct Entry(ushort Tag, ushort Permissions, uint Id);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getxattr(string path, string name, byte[] value, nuint size);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setxattr(string path, string name, byte[] value, nuint size, int flags);
}
