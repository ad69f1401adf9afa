namespace Platform.Api.Problems;

/// <summary>An upload over the configured limit, found while streaming it.</summary>
internal sealed class PayloadTooLargeException(long limit)
    : Exception($"The file is larger than the limit of {limit} bytes.");
