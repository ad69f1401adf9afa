namespace Platform.Hosting.Parameters;

/// <summary>A generated value: letters and digits only, so it is safe in every connection-string format.</summary>
public sealed record GeneratedValue(int MinLength = GeneratedValue.DefaultMinLength)
{
    public const int DefaultMinLength = 22;
}
