namespace Platform.Identity.Mail;

/// <summary>The mail server could not be reached or refused the message for now: the request is a 503 with Retry-After.</summary>
public sealed class MailUnavailableException(Exception inner) : Exception("The mail server is unavailable.", inner);
