using System.Text;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>
/// The application graph as an SVG: one column per dependency layer (what depends on nothing on the left), an
/// arrow from each resource to what it uses: solid when it waits for it, dashed when it only references it,
/// dotted from a database or bucket to the server it lives in. Each box is coloured by its resource's state.
/// </summary>
internal static class GraphPicture
{
    private const int BoxWidth = 170, BoxHeight = 44, ColumnGap = 90, RowGap = 22, Margin = 16;

    private enum EdgeKind
    {
        Inside,
        Reference,
        Wait,
    }

    public static string Render(DistributedApplicationModel model, IReadOnlyCollection<ResourceSnapshot> snapshots)
    {
        var states = snapshots.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var layers = model.Layers().Select(l => l.Where(r => states.ContainsKey(r.Name)).ToList()).Where(l => l.Count > 0).ToList();
        if (layers.Count == 0)
        {
            return """<p class="muted">No resources.</p>""";
        }
        var positions = new Dictionary<IResource, (int X, int Y)>();
        var rowOf = new Dictionary<IResource, double>();
        for (var column = 0; column < layers.Count; column++)
        {
            // Each resource sits near the average row of what it uses, which keeps most arrows short and straight.
            var ordered = layers[column]
                .OrderBy(r => DistributedApplicationModel.AllDependencies(r).Where(rowOf.ContainsKey).Select(d => rowOf[d]).DefaultIfEmpty(double.MaxValue).Average())
                .ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
            for (var row = 0; row < ordered.Count; row++)
            {
                rowOf[ordered[row]] = row;
                positions[ordered[row]] = (Margin + column * (BoxWidth + ColumnGap), Margin + row * (BoxHeight + RowGap));
            }
        }
        var width = Margin * 2 + layers.Count * BoxWidth + (layers.Count - 1) * ColumnGap;
        var height = Margin * 2 + layers.Max(l => l.Count) * (BoxHeight + RowGap) - RowGap;
        var svg = new StringBuilder(Invariant($"""<svg class="graph-picture" viewBox="0 0 {width} {height}" style="max-width:{width}px" role="img" aria-label="Resource graph">"""));
        svg.Append("""<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#64748b"/></marker></defs>""");
        foreach (var ((from, to), kind) in Edges(positions.Keys))
        {
            var (fx, fy) = positions[from];
            var (tx, ty) = positions[to];
            var (x1, y1, x2, y2) = (fx, fy + BoxHeight / 2, tx + BoxWidth, ty + BoxHeight / 2);
            var bend = Math.Max(30, (x1 - x2) / 2);
            var style = kind switch { EdgeKind.Wait => "", EdgeKind.Reference => """ stroke-dasharray="6 4" """, _ => """ stroke-dasharray="2 3" """ };
            svg.Append(Invariant($"""<path class="edge edge-{kind.ToString().ToLowerInvariant()}" d="M {x1} {y1} C {x1 - bend} {y1}, {x2 + bend} {y2}, {x2} {y2}"{style} marker-end="url(#arrow)"><title>{Encode(from.Name)} {(kind == EdgeKind.Wait ? "waits for" : kind == EdgeKind.Reference ? "references" : "lives in")} {Encode(to.Name)}</title></path>"""));
        }
        foreach (var (resource, (x, y)) in positions)
        {
            var snapshot = states[resource.Name];
            var state = snapshot.IsHealthy ? "healthy" : snapshot.State.ToLowerInvariant();
            svg.Append(Invariant($"""<g class="node node-{Encode(state)}" data-resource="{Encode(resource.Name)}"><a href="/consolelogs/{Url(resource.Name)}"><rect x="{x}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" rx="8"/><text x="{x + 12}" y="{y + 18}" class="node-name">{Encode(resource.Name)}</text><text x="{x + 12}" y="{y + 34}" class="node-type">{Encode(snapshot.ResourceType)} · {Encode(snapshot.IsHealthy ? "Healthy" : snapshot.State)}</text></a></g>"""));
        }
        svg.Append("</svg>");
        svg.Append("""<p class="legend"><span class="line solid"></span>waits for <span class="line dashed"></span>references <span class="line dotted"></span>lives in</p>""");
        return svg.ToString();
    }

    /// <summary>One edge per pair of resources, the strongest relation winning (a reference that is also waited for is a wait).</summary>
    private static Dictionary<(IResource From, IResource To), EdgeKind> Edges(IEnumerable<IResource> resources)
    {
        var shown = resources.ToHashSet();
        var edges = new Dictionary<(IResource, IResource), EdgeKind>();
        void Add(IResource from, IResource to, EdgeKind kind)
        {
            if (shown.Contains(to) && (!edges.TryGetValue((from, to), out var existing) || existing < kind))
            {
                edges[(from, to)] = kind;
            }
        }
        foreach (var resource in shown)
        {
            if (resource is IResourceWithParent child)
            {
                Add(resource, child.Parent, EdgeKind.Inside);
            }
            foreach (var reference in resource.AnnotationsOf<ResourceRelationshipAnnotation>())
            {
                Add(resource, reference.Resource, EdgeKind.Reference);
            }
            foreach (var wait in resource.AnnotationsOf<WaitAnnotation>())
            {
                Add(resource, wait.Resource, EdgeKind.Wait);
            }
        }
        return edges;
    }
}
