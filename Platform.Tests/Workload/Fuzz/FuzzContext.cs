namespace Platform.Tests.Workload.Fuzz;

/// <summary>What the cases refer to: an asset and a job of the class's person, and web's forms as its browser got them.</summary>
/// <param name="UploadAction">The upload form's target, with its antiforgery token (<c>/uploads?token=…</c>).</param>
/// <param name="FormToken">The antiforgery token of the asset's detail page (its forms' hidden field).</param>
/// <param name="OtherSessionUploadAction">An upload form's target from another browser's session.</param>
public sealed record FuzzContext(Guid AssetId, Guid JobId, string UploadAction, string FormToken, string OtherSessionUploadAction);
