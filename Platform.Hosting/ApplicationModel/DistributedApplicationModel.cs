namespace Platform.Hosting.ApplicationModel;

/// <summary>The graph once declared: its resources, and the order in which they depend on each other.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public IResource Find(string name) =>
        Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Resource '{name}' not found. Known resources: {string.Join(", ", Resources.Select(r => r.Name))}.", nameof(name));

    /// <summary>What must be up before <paramref name="resource"/> starts: its waits and its parent.</summary>
    public static IEnumerable<IResource> StartDependencies(IResource resource) =>
        resource.AnnotationsOf<WaitAnnotation>().Select(w => w.Resource)
            .Concat(resource is IResourceWithParent child ? [child.Parent] : [])
            .Distinct();

    /// <summary>Everything <paramref name="resource"/> uses: it stops before any of them.</summary>
    public static IEnumerable<IResource> AllDependencies(IResource resource) =>
        StartDependencies(resource)
            .Concat(resource.AnnotationsOf<ResourceRelationshipAnnotation>().Select(r => r.Resource))
            .Distinct();

    /// <summary>Resources in layers: each layer depends only on earlier ones. Stop runs the layers in reverse.</summary>
    public IReadOnlyList<IReadOnlyList<IResource>> Layers()
    {
        var layerOf = new Dictionary<IResource, int>();
        foreach (var resource in Resources)
        {
            LayerOf(resource, layerOf, []);
        }
        return layerOf.GroupBy(p => p.Value).OrderBy(g => g.Key).Select(g => (IReadOnlyList<IResource>)[.. g.Select(p => p.Key)]).ToList();
    }

    public void Validate()
    {
        foreach (var resource in Resources)
        {
            foreach (var dependency in AllDependencies(resource).Where(d => !Resources.Contains(d)))
            {
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' refers to '{dependency.Name}', which was not added to this application.");
            }
            if (resource.AnnotationsOf<WaitAnnotation>().Any(w => w.Resource == resource))
            {
                throw new DistributedApplicationException($"Resource '{resource.Name}' waits for itself.");
            }
        }
        _ = Layers();
    }

    private static int LayerOf(IResource resource, Dictionary<IResource, int> layerOf, List<IResource> path)
    {
        if (layerOf.TryGetValue(resource, out var known))
        {
            return known;
        }
        if (path.Contains(resource))
        {
            var cycle = path.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
            throw new DistributedApplicationException($"Resources depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
        }
        path.Add(resource);
        var layer = AllDependencies(resource).Select(d => LayerOf(d, layerOf, path) + 1).DefaultIfEmpty(0).Max();
        path.RemoveAt(path.Count - 1);
        return layerOf[resource] = layer;
    }
}
