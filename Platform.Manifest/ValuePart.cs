namespace Platform.Manifest;

/// <summary>A part of a resolved value: literal text, or a reference that only the deployment can supply.</summary>
public abstract record ValuePart;
