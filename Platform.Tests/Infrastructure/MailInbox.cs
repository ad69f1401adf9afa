using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Platform.Tests.Infrastructure;

/// <summary>The graph's mail catcher, read through its API as a person reads their inbox: the mails sent to one address,
/// and the link in one.</summary>
internal static partial class MailInbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Waits for a mail to <paramref name="address"/> whose subject is <paramref name="subject"/>, one not among
    /// <paramref name="seen"/>, and returns its text.</summary>
    public static async Task<(string Id, string Text)> WaitForAsync(DistributedApplication app, string address, string subject, IReadOnlyCollection<string>? seen = null)
    {
        using var inbox = new HttpClient { BaseAddress = app.GetEndpoint("mail", "http") };
        string? id = null;
        await Eventually.TrueAsync(async () =>
        {
            var page = await inbox.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500");
            id = page.GetProperty("results").EnumerateArray()
                .Where(m => m.GetProperty("subject").GetString() == subject
                    && m.GetProperty("to").EnumerateArray().Any(to => string.Equals(to.GetString(), address, StringComparison.OrdinalIgnoreCase)))
                .Select(m => m.GetProperty("id").GetString()!)
                .FirstOrDefault(m => seen is null || !seen.Contains(m));
            return id is not null;
        }, Patience, $"a mail '{subject}' to {address} in the catcher");
        return (id!, await inbox.GetStringAsync($"/api/messages/{id}/plaintext"));
    }

    /// <summary>The link in a mail's text that goes to <paramref name="path"/>.</summary>
    public static Uri LinkTo(string text, string path) =>
        Link().Matches(text).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
        ?? throw new Xunit.Sdk.XunitException($"no link to {path} in the mail: {text}");

    /// <summary>How many mails the catcher holds for <paramref name="address"/>.</summary>
    public static async Task<int> CountAsync(DistributedApplication app, string address)
    {
        using var inbox = new HttpClient { BaseAddress = app.GetEndpoint("mail", "http") };
        var page = await inbox.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500");
        return page.GetProperty("results").EnumerateArray()
            .Count(m => m.GetProperty("to").EnumerateArray().Any(to => string.Equals(to.GetString(), address, StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();
}
