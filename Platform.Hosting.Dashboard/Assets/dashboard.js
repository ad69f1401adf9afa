// Platform dashboard: live updates for server-rendered pages. No framework, no network beyond the AppHost.
"use strict";

// Regions with data-refresh are re-rendered by the server every data-interval milliseconds; open <details>
// and the scroll position survive the swap.
function startRefreshing(region) {
  const interval = Number(region.dataset.interval || 2000);
  const refresh = async () => {
    if (document.hidden || region.querySelector("button[disabled]")) return;
    try {
      const response = await fetch(region.dataset.refresh, { headers: { "Accept": "text/html" } });
      if (response.status === 401) { location.href = "/login"; return; }
      if (!response.ok) return;
      const html = await response.text();
      const open = new Set([...region.querySelectorAll("details[open]")].map(d => d.id || d.closest("[data-resource]")?.dataset.resource).filter(Boolean));
      region.innerHTML = html;
      region.querySelectorAll("details").forEach(d => {
        const key = d.id || d.closest("[data-resource]")?.dataset.resource;
        if (key && open.has(key)) d.open = true;
      });
    } catch { /* the AppHost is stopping: keep what is shown */ }
  };
  setInterval(refresh, interval);
}

// Resource commands: the button says what is happening until the AppHost answers with the new state.
document.addEventListener("click", async event => {
  const button = event.target.closest("button.command");
  if (!button) return;
  const row = button.closest("tr");
  row.querySelectorAll("button.command").forEach(b => b.disabled = true);
  button.textContent = button.dataset.busy;
  try {
    const response = await fetch(`/api/resources/${encodeURIComponent(button.dataset.resource)}/${encodeURIComponent(button.dataset.command)}`, { method: "POST" });
    const result = await response.json().catch(() => ({}));
    if (!response.ok) alert(result.error || `The command failed (${response.status}).`);
  } finally {
    const region = row.closest("[data-refresh]");
    row.querySelectorAll("button.command").forEach(b => b.disabled = false);
    if (region) {
      const response = await fetch(region.dataset.refresh);
      if (response.ok) region.innerHTML = await response.text();
    }
  }
});

// Selects that choose a resource navigate to /section/<resource>; filter selects submit their form.
document.addEventListener("change", event => {
  const pathSelect = event.target.closest("select[data-path-select]");
  if (pathSelect) {
    location.href = pathSelect.form.dataset.navigate + encodeURIComponent(pathSelect.value);
    return;
  }
  const autosubmit = event.target.closest("select[data-autosubmit]");
  if (autosubmit) autosubmit.form.submit();
});

// ANSI colours (the services write them, as under Aspire) become spans; everything else is text.
const ansiColors = ["#111827", "#f87171", "#4ade80", "#facc15", "#60a5fa", "#e879f9", "#22d3ee", "#e5e7eb"];
function ansiToNodes(text) {
  const fragment = document.createDocumentFragment();
  let color = null, bold = false;
  // split() with a capture group alternates text (even indexes) and SGR codes (odd indexes).
  text.split(/\x1b\[([0-9;]*)m/).forEach((part, index) => {
    if (index % 2 === 1) {
      for (const code of part.split(";").map(Number)) {
        if (code === 0) { color = null; bold = false; }
        else if (code === 1) bold = true;
        else if (code === 22) bold = false;
        else if (code === 39) color = null;
        else if (code >= 30 && code <= 37) color = ansiColors[code - 30];
        else if (code >= 90 && code <= 97) color = ansiColors[code - 90];
      }
      return;
    }
    if (!part) return;
    const span = document.createElement("span");
    span.textContent = part;
    if (color) span.style.color = color;
    if (bold) span.style.fontWeight = "600";
    fragment.appendChild(span);
  });
  return fragment;
}

// Console logs: a server-sent event per line; the search box hides lines that do not match and marks the match.
function startConsole(view) {
  const maxLines = 10000;
  const search = document.getElementById("console-search");
  const follow = document.getElementById("console-follow");
  const count = document.getElementById("console-count");
  const matches = line => !search.value || line.dataset.text.toLowerCase().includes(search.value.toLowerCase());
  const render = line => {
    const x = line.querySelector(".x");
    x.replaceChildren(ansiToNodes(line.dataset.raw));
    if (search.value) {
      const needle = search.value.toLowerCase();
      const text = line.dataset.text;
      const at = text.toLowerCase().indexOf(needle);
      if (at >= 0) {
        const mark = document.createElement("mark");
        mark.textContent = text.substr(at, needle.length);
        x.replaceChildren(document.createTextNode(text.slice(0, at)), mark, document.createTextNode(text.slice(at + needle.length)));
      }
    }
    line.classList.toggle("hidden", !matches(line));
  };
  const updateCount = () => {
    const shown = view.querySelectorAll(".line:not(.hidden)").length;
    count.textContent = search.value ? `${shown} of ${view.children.length} lines` : `${view.children.length} lines`;
  };
  const source = new EventSource(view.dataset.stream);
  let pending = [];
  source.onmessage = event => { pending.push(JSON.parse(event.data)); };
  setInterval(() => {
    if (!pending.length) return;
    const batch = pending; pending = [];
    const fragment = document.createDocumentFragment();
    for (const entry of batch) {
      const line = document.createElement("div");
      line.className = "line" + (entry.e ? " err" : "");
      line.dataset.raw = entry.x;
      line.dataset.text = entry.x.replace(/\x1b\[[0-9;]*m/g, "");
      line.innerHTML = `<span class="n"></span><span class="x"></span>`;
      line.querySelector(".n").textContent = entry.t;
      render(line);
      fragment.appendChild(line);
    }
    view.appendChild(fragment);
    while (view.children.length > maxLines) view.firstChild.remove();
    if (follow.checked) view.scrollTop = view.scrollHeight;
    updateCount();
  }, 200);
  search.addEventListener("input", () => { view.querySelectorAll(".line").forEach(render); updateCount(); });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-refresh]").forEach(startRefreshing);
  const consoleView = document.getElementById("console");
  if (consoleView) startConsole(consoleView);
  if (location.hash.startsWith("#span-")) {
    const span = document.getElementById(location.hash.slice(1));
    if (span) { span.open = true; span.scrollIntoView({ block: "center" }); }
  }
});
