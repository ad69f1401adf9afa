namespace Platform.Manifest;

public sealed record LiteralPart(string Text) : ValuePart;
