using System.Text.Json;

namespace Platform.Hosting.Secrets;

/// <summary>Generated secrets, kept between runs in one file that only its owner can read.</summary>
internal sealed class SecretStore(string path)
{
    private readonly Lock _gate = new();

    public string GetOrAdd(string name, Func<string> generate)
    {
        lock (_gate)
        {
            var secrets = Load();
            if (!secrets.TryGetValue(name, out var value))
            {
                secrets[name] = value = generate();
                Save(secrets);
            }
            return value;
        }
    }

    private Dictionary<string, string> Load() =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];

    private void Save(Dictionary<string, string> secrets)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var stream = Processes.PrivateFile.Create(temporary))
        {
            JsonSerializer.Serialize(stream, secrets, new JsonSerializerOptions { WriteIndented = true });
        }
        File.Move(temporary, path, overwrite: true);
    }
}
