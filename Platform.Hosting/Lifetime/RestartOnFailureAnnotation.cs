using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Lifetime;

/// <summary>Start the resource again when its process fails (exits with a nonzero code, or is killed), as Docker Compose's
/// <c>restart: on-failure</c> does.</summary>
public sealed class RestartOnFailureAnnotation : IResourceAnnotation
{
    /// <summary>The property of a resource's snapshot that counts its restarts.</summary>
    public const string RestartsProperty = "platform.restarts";
}
