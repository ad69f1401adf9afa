namespace Platform.Web.SignIn;

/// <summary>The session has no usable token any more: the person must sign in again (the middleware sends them).</summary>
internal sealed class SignInRequiredException() : Exception("The session has no usable access token: sign in again.");
