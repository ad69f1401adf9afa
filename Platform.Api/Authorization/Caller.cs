using System.Security.Claims;
using Platform.Api.Contracts.Authorization;

namespace Platform.Api.Authorization;

/// <summary>
/// Who is calling, from their token: a person or a machine client (<c>sub</c>), whether they are an admin, and the
/// scopes the token grants. A caller sees the assets they uploaded, and their jobs; an admin sees all. Anyone else's
/// asset is not found (404), so that its existence is not revealed. Read from the claims once per token
/// (<see cref="ValidatedTokens"/>) and kept as a request feature (<see cref="BearerAuthentication"/>).
/// </summary>
public sealed class Caller
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string ScopeClaim = "scope";

    private readonly string[] _scopes;

    private Caller(string subject, bool isAdmin, string[] scopes)
    {
        Subject = subject;
        IsAdmin = isAdmin;
        _scopes = scopes;
    }

    public string Subject { get; }
    public bool IsAdmin { get; }

    /// <summary>The owner whose assets a query may return: this caller's own, or null (any owner) for an admin.</summary>
    public string? OwnerFilter => IsAdmin ? null : Subject;

    public bool MaySee(string? owner) => IsAdmin || owner == Subject;

    public bool HasScope(string scope) => Array.IndexOf(_scopes, scope) >= 0;

    /// <summary>The caller an authenticated token names, or null if it names nobody (no <c>sub</c>).</summary>
    public static Caller? From(ClaimsPrincipal user) =>
        user.FindFirstValue(SubjectClaim) is { Length: > 0 } subject
            ? new Caller(subject, user.HasClaim(RoleClaim, Roles.Admin), ScopesOf(user))
            : null;

    /// <summary>The <c>scope</c> claim is one space-separated string (RFC 9068), or one claim per scope from some providers.</summary>
    private static string[] ScopesOf(ClaimsPrincipal user) =>
        user.FindAll(ScopeClaim).SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

    /// <summary>Binds a handler's <see cref="Caller"/> parameter: its route requires a scope, so the caller is known.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(
        context.Features.Get<Caller>() ?? throw new InvalidOperationException($"A handler binds {nameof(Caller)} on a route without RequireScope."));
}
