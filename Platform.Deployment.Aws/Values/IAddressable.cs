namespace Platform.Deployment.Aws.Values;

/// <summary>What a resource's bindings are in the cloud: an RDS endpoint, a Service Connect name, an address outside the stack.</summary>
internal interface IAddressable
{
    /// <summary>The manifest resource's name.</summary>
    string Resource { get; }

    /// <summary>The address of each of its bindings, by binding name.</summary>
    IReadOnlyDictionary<string, Endpoint> Endpoints { get; }
}
