using System.Security.Claims;

namespace Platform.Api.Authorization;

/// <summary>A bearer token the JWT handler has validated: who it names, and until when it may be recalled without validating it again: its expiry, or sooner (<see cref="ValidatedTokens.MaxAge"/>).</summary>
internal sealed record ValidatedToken(ClaimsPrincipal Principal, Caller Caller, DateTime RecallUntil);
