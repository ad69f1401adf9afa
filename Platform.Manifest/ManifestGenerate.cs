namespace Platform.Manifest;

public sealed record ManifestGenerate(int MinLength, bool Lower, bool Upper, bool Numeric, bool Special, int MinLower, int MinUpper, int MinNumeric, int MinSpecial);
