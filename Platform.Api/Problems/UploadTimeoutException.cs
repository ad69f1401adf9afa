namespace Platform.Api.Problems;

/// <summary>An upload still arriving when its time (<c>Assets:UploadTimeoutSeconds</c>) was up.</summary>
internal sealed class UploadTimeoutException(int seconds)
    : Exception($"The upload took longer than {seconds} s and was cut off; send it again on a faster connection.");
