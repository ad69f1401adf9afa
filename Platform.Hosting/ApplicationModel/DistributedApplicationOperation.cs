namespace Platform.Hosting.ApplicationModel;

public enum DistributedApplicationOperation
{
    /// <summary>The graph runs on this machine.</summary>
    Run,

    /// <summary>The graph is written out (the manifest) and nothing starts.</summary>
    Publish,
}
