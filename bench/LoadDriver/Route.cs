namespace LoadDriver;

/// <summary>The kinds of request in the mix; the names are what the report prints.</summary>
internal enum Route
{
    AssetGet,
    AssetList,
    AssetContent,
    AssetReport,
    Analytics,
    JobGet,
    Upload,
    JobCreate,
    WebIndex,
    WebAsset,
    WebAnalytics,
}
