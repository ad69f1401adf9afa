using Platform.Jobs;

namespace Platform.Tests.Jobs;

/// <summary>What the orphan sweep reads from an object's key: whose it is, and when its upload began.</summary>
[Trait("Tier", "Fast")]
public sealed class AssetKeysTests
{
    [Fact]
    public void An_asset_object_key_names_its_asset_and_nothing_else_does()
    {
        var id = Guid.CreateVersion7();

        Assert.Equal(id, AssetKeys.AssetIdOf(AssetKeys.ContentObject(id)));
        Assert.Equal(id, AssetKeys.AssetIdOf(AssetKeys.ReportObject(id)));
        Assert.Null(AssetKeys.AssetIdOf($"assets/{id}"));
        Assert.Null(AssetKeys.AssetIdOf("assets/not-a-guid/content"));
        Assert.Null(AssetKeys.AssetIdOf($"other/{id}/content"));
    }

    [Fact]
    public void A_version_7_id_tells_when_its_upload_began_and_another_id_never_looks_old()
    {
        var began = new DateTimeOffset(2026, 12, 1, 21, 0, 0, 123, TimeSpan.Zero);

        Assert.Equal(began, AssetKeys.UploadStartedAt(Guid.CreateVersion7(began)));
        Assert.Equal(DateTimeOffset.MaxValue, AssetKeys.UploadStartedAt(Guid.NewGuid()));
    }
}
