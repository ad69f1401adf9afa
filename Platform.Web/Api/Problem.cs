namespace Platform.Web.Api;

/// <summary>What an RFC 9457 problem says, flattened into one line for a page.</summary>
public sealed record Problem(string Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors, int? Status = null)
{
    public string Message => string.Join(" ", new[] { Detail }.Concat(Errors?.Values.SelectMany(e => e) ?? []).OfType<string>().DefaultIfEmpty(Title));
}
