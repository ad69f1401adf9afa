namespace Platform.Api.Authorization;

/// <summary>The scope a route's token must carry (<see cref="ScopeAuthorization"/>); added by <c>RequireScope</c>.</summary>
public sealed record RequiredScope(string Scope);
