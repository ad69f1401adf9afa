using System.Text.RegularExpressions;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// What a managed service changes in how its clients connect, applied to the literal text of every value that uses
/// one of its addresses: a URI scheme that gains TLS (<c>redis://</c> to <c>rediss://</c>, <c>amqp://</c> to
/// <c>amqps://</c>) and a user name the service refuses (RDS refuses <c>root</c> and <c>sa</c>, Amazon MQ <c>guest</c>),
/// wherever a connection string, URI or JDBC string names it. Aspire writes a reference's user also alone, as
/// <c>{PREFIX}_USERNAME</c> beside <c>{PREFIX}_HOST</c> (its connection properties); <see cref="Variable"/> changes that one.
/// </summary>
internal sealed class ConnectionRewrites
{
    private readonly Dictionary<string, List<(Regex Pattern, string Replacement)>> _byResource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string From, string To)> _users = new(StringComparer.Ordinal);

    public void UserName(string resource, string from, string to)
    {
        _users[resource] = (from, to);
        Add(resource, new Regex(UserPrefix + Regex.Escape(from) + UserEnd, RegexOptions.IgnoreCase), to);
    }

    public void Scheme(string resource, string from, string to) =>
        Add(resource, new Regex(@"(?<![A-Za-z0-9+.-])" + Regex.Escape(from) + "(?=://)"), to);

    /// <summary>The user name <paramref name="resource"/>'s clients use in the cloud.</summary>
    public string? UserOf(string resource) => _users.TryGetValue(resource, out var user) ? user.To : null;

    public ResolvedValue Apply(ResolvedValue value)
    {
        var rewrites = value.References.Where(r => r.Path[0] == "bindings").Select(r => r.Resource).Distinct()
            .SelectMany(r => _byResource.GetValueOrDefault(r) ?? []).ToList();
        return rewrites.Count == 0
            ? value
            : new ResolvedValue([.. value.Parts.Select(part => part is LiteralPart literal
                ? new LiteralPart(rewrites.Aggregate(literal.Text, (text, rewrite) => rewrite.Pattern.Replace(text, rewrite.Replacement)))
                : part)]);
    }

    /// <summary><c>{PREFIX}_USERNAME</c>, when a sibling variable of the same prefix uses the address of a resource whose user changed.</summary>
    public string Variable(IReadOnlyDictionary<string, string> environment, string variable, string template)
    {
        if (!variable.EndsWith("_USERNAME", StringComparison.Ordinal))
        {
            return template;
        }
        var prefix = variable[..^"USERNAME".Length];
        foreach (var (resource, (from, to)) in _users)
        {
            if (template == from && environment.Any(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Value.Contains($"{{{resource}.bindings.", StringComparison.Ordinal)))
            {
                return to;
            }
        }
        return template;
    }

    private void Add(string resource, Regex pattern, string replacement)
    {
        if (!_byResource.TryGetValue(resource, out var list))
        {
            _byResource[resource] = list = [];
        }
        list.Add((pattern, replacement));
    }

    /// <summary>After <c>//</c> (a URI's user) or a connection string's or JDBC string's user key (<c>User ID=</c>, <c>user=</c>, <c>Username=</c>).</summary>
    private const string UserPrefix = @"(?<=//|(?:^|[;&?])\s*(?:user|username|user\s?id|uid)\s*=\s*)";

    private const string UserEnd = "(?=[:;&@]|$)";
}
