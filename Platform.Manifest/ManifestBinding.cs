namespace Platform.Manifest;

public sealed record ManifestBinding(string Scheme, string Protocol, string Transport, int? Port, int? TargetPort, bool External);
