using Platform.Hosting.Orchestration;
using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>A resource's console output, live (server-sent events from its bounded log), with a search box.</summary>
internal static class ConsolePage
{
    public static string Content(IReadOnlyCollection<ResourceSnapshot> snapshots, string? selected)
    {
        var names = snapshots.Select(s => s.Name).ToList();
        var current = selected is not null && names.Contains(selected, StringComparer.OrdinalIgnoreCase)
            ? names.First(n => string.Equals(n, selected, StringComparison.OrdinalIgnoreCase))
            : null;
        var picker = $"""
            <form class="filters" data-navigate="/consolelogs/">
              <label>Resource <select name="resource" data-path-select>{Options(names, current, "Choose a resource")}</select></label>
              <label>Search <input type="search" id="console-search" placeholder="Filter lines" autocomplete="off"></label>
              <label class="check"><input type="checkbox" id="console-follow" checked> Follow</label>
              <span class="muted" id="console-count"></span>
            </form>
            """;
        if (current is null)
        {
            return picker + """<p class="muted">Choose a resource to see its console output.</p>""";
        }
        var state = snapshots.First(s => s.Name == current);
        return picker + $"""
            <p class="muted">{Encode(current)} · {Encode(state.ResourceType)} · {Encode(state.State)}</p>
            <div class="console" id="console" data-stream="/api/console/{Url(current)}/stream" aria-live="polite"></div>
            """;
    }
}
