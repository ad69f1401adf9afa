namespace Platform.Api.Contracts.Authorization;

/// <summary>
/// What a token must carry to use the api: its audience, and a scope per kind of access. The identity service issues
/// them, the api requires them, web asks for them (README: "Identity").
/// </summary>
public static class ApiScopes
{
    /// <summary>The api's audience (<c>aud</c>), granted with either scope.</summary>
    public const string Audience = "platform-api";

    /// <summary>Read assets, jobs and analytics.</summary>
    public const string Read = "assets.read";

    /// <summary>Upload, reprocess, verify and delete assets.</summary>
    public const string Write = "assets.write";

    public static IReadOnlyList<string> All { get; } = [Read, Write];
}
