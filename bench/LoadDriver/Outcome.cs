namespace LoadDriver;

/// <summary>One request's result: its route, when it was due (ms since the start of the measurement), how long it took
/// from then (so time spent waiting behind a slow system counts), and its status code; 0 for no answer at all (refused,
/// reset, timed out). A redirect is an error too: web sending a signed-in person to sign in again.</summary>
internal readonly record struct Outcome(Route Route, double DueMs, double LatencyMs, int Status)
{
    public bool IsError => Status is < 200 or >= 300;
}
