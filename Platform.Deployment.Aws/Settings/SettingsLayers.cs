using System.Collections.Concurrent;
using System.Reflection;

namespace Platform.Deployment.Aws.Settings;

/// <summary>
/// Settings in layers (a service's own over the file's defaults over the built-in ones; an environment's would go in
/// between): each field a layer sets, that is not null, wins over the layers under it. Every field of a settings type
/// takes part, so a new setting is written once, as its property.
/// </summary>
internal static class SettingsLayers
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Fields = new();

    /// <summary><paramref name="top"/>'s fields, and <paramref name="under"/>'s where <paramref name="top"/> leaves one unset.</summary>
    public static T Over<T>(this T top, T under) where T : class, new()
    {
        var merged = new T();
        foreach (var field in Fields.GetOrAdd(typeof(T), type => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)]))
        {
            field.SetValue(merged, field.GetValue(top) ?? field.GetValue(under));
        }
        return merged;
    }
}
