using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>The frame of every page: the navigation on the left, the page's title and content on the right.</summary>
internal static class Layout
{
    private static readonly (string Href, string Label, string Icon)[] Sections =
    [
        ("/", "Resources", "▦"),
        ("/consolelogs", "Console", "▤"),
        ("/structuredlogs", "Structured", "≣"),
        ("/traces", "Traces", "⋔"),
        ("/metrics", "Metrics", "◔"),
    ];

    public static string Page(string title, string section, string content, string applicationName) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · {Encode(applicationName)}</title>
        <link rel="stylesheet" href="/assets/dashboard.css">
        <script src="/assets/dashboard.js" defer></script>
        </head>
        <body>
        <nav class="sidebar">
          <div class="brand" title="{Encode(applicationName)}">{Encode(applicationName)}</div>
          {string.Concat(Sections.Select(s => $"""<a href="{s.Href}" class="{(s.Href == section ? "active" : "")}"><span class="icon">{s.Icon}</span>{s.Label}</a>"""))}
        </nav>
        <main>
          <h1>{Encode(title)}</h1>
          {content}
        </main>
        </body>
        </html>
        """;

    public static string Login(string? error) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Log in · Platform dashboard</title>
        <link rel="stylesheet" href="/assets/dashboard.css">
        </head>
        <body class="login">
        <form method="post" action="/login" class="card">
          <h1>Platform dashboard</h1>
          <p>Open the link the AppHost printed when it started (<code>Login to the dashboard at …/login?t=…</code>),
          or paste its token here.</p>
          {(error is null ? "" : $"""<p class="error">{Encode(error)}</p>""")}
          <input name="t" type="password" autocomplete="off" placeholder="Token" autofocus>
          <button type="submit">Log in</button>
        </form>
        </body>
        </html>
        """;
}
