namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// The tests that synthesize, which need Node.js (the CDK for .NET runs its core there): they share the templates,
/// synthesized once. One Node.js process serves every synthesis, so running these classes one after another costs little.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SynthesisCollection : ICollectionFixture<SynthesizedTemplates>
{
    public const string Name = "Synthesis";
}
