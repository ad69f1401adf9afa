using System.Security.Claims;

namespace Platform.Api.Authorization;

/// <summary>A bearer token the JWT handler has validated: who it names, until it expires (<see cref="ValidatedTokens"/>).</summary>
internal sealed record ValidatedToken(ClaimsPrincipal Principal, Caller Caller, DateTime ValidTo);
