using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Manifest;

/// <summary>
/// A parsed Aspire manifest (any publisher's output, 8.0 to 13.x), as a typed model. Paths in it are relative
/// to <see cref="Directory"/>. Resolve its expressions with <see cref="ManifestResolver"/>.
/// </summary>
public sealed class AspireManifest
{
    /// <summary>The schema every Aspire publisher names (<c>$schema</c>): Aspire 8.0's, which 9.x and 13.x still validate against.</summary>
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    /// <summary>The manifest's file name when only a folder is given.</summary>
    public const string DefaultFileName = "aspire-manifest.json";

    private readonly Dictionary<string, ManifestResource> _resources;

    private AspireManifest(string directory, List<ManifestResource> resources)
    {
        Directory = directory;
        Resources = resources;
        _resources = resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>The manifest's folder: its relative paths start here.</summary>
    public string Directory { get; }

    /// <summary>In the order the manifest lists them.</summary>
    public IReadOnlyList<ManifestResource> Resources { get; }

    public static AspireManifest Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ManifestException($"Manifest '{path}' was not found. Write one with: dotnet run --project <AppHost> -- --publisher manifest --output-path {path}");
        }
        return Parse(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static AspireManifest Parse(string json, string directory)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ManifestException($"The manifest is not valid JSON: {e.Message}");
        }
        if (root?["resources"] is not JsonObject resources)
        {
            throw new ManifestException("The manifest has no \"resources\" object: it is not an Aspire manifest.");
        }
        return new AspireManifest(directory, [.. resources.Select(pair => ManifestResourceReader.Read(pair.Key, pair.Value as JsonObject
            ?? throw new ManifestException($"Resource '{pair.Key}' is not a JSON object.")))]);
    }

    /// <summary>
    /// This manifest with <paramref name="added"/> after its own resources: what a deployment adds to the application
    /// (a generated auth token, a step that creates databases), resolved like the manifest's own.
    /// </summary>
    public AspireManifest With(IEnumerable<ManifestResource> added) => new(Directory, [.. Resources, .. added]);

    public bool TryGet(string name, out ManifestResource resource) => _resources.TryGetValue(name, out resource!);

    public ManifestResource this[string name] =>
        TryGet(name, out var resource) ? resource : throw new ManifestException($"The manifest has no resource named '{name}'.");

    /// <summary>A path of the manifest (a project file, a template), as a full path.</summary>
    public string FullPath(string relativePath) => Path.GetFullPath(relativePath, Directory);
}
