namespace Platform.Hosting.Processes;

/// <summary>Files for secrets: readable and writable by their owner only from their first moment.</summary>
internal static class PrivateFile
{
    /// <summary>Creates <paramref name="path"/> anew (an old file there is deleted first: opening it would keep its mode),
    /// with mode 600 from its creation, and never through a link planted at that path.</summary>
    public static FileStream Create(string path)
    {
        File.Delete(path);
        return new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }
}
