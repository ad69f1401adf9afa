using System.Globalization;

namespace Platform.Web.Pages;

public static class Format
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1073741824.0).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
    };

    public static string Milliseconds(double? ms) => ms is { } value ? value.ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "–";
}
