using System.Security.Claims;
using Platform.Api.Contracts.Authorization;

namespace Platform.Api.Authorization;

/// <summary>
/// Who is calling, from their token: a person or a machine client (<c>sub</c>), and whether they are an admin. A caller
/// sees the assets they uploaded, and their jobs; an admin sees all. Anyone else's asset is not found (404), so that
/// its existence is not revealed.
/// </summary>
public sealed record Caller(string Subject, bool IsAdmin)
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";

    /// <summary>The owner whose assets a query may return: this caller's own, or null (any owner) for an admin.</summary>
    public string? OwnerFilter => IsAdmin ? null : Subject;

    public bool MaySee(string? owner) => IsAdmin || owner == Subject;

    public static Caller Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(SubjectClaim) ?? throw new InvalidOperationException("An authenticated caller without a subject."),
        user.HasClaim(RoleClaim, Roles.Admin));

    /// <summary>Binds a handler's <see cref="Caller"/> parameter (the routes require an authenticated user first).</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(Of(context.User));
}
