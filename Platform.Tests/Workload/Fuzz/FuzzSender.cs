namespace Platform.Tests.Workload.Fuzz;

/// <summary>Who sends a case.</summary>
public enum FuzzSender
{
    /// <summary>The api, with a full-scope token of one of the suite's people (in turn, so that no one meets the rate limit).</summary>
    Person,

    /// <summary>The api, with whatever Authorization the case sets itself (the cases about authentication).</summary>
    AsTheCaseSays,

    /// <summary>The api, with a token that may read but not write.</summary>
    ReadOnly,

    /// <summary>web, as the signed-in browser of the class's person.</summary>
    Browser,
}
