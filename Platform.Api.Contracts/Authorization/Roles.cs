namespace Platform.Api.Contracts.Authorization;

/// <summary>The roles a person has. A user sees only their own assets; an admin sees everyone's.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string User = "user";

    public static IReadOnlyList<string> All { get; } = [Admin, User];
}
