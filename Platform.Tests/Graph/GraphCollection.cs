namespace Platform.Tests.Graph;

[CollectionDefinition("graph")]
public sealed class GraphCollection : ICollectionFixture<GraphFixture>;
