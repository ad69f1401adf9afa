namespace Platform.Api.Contracts;

/// <param name="Node"><c>replica</c> when a standby answered, <c>primary</c> when reads fell back to the primary.</param>
/// <param name="ReplayLagMs">On a replica: how far behind the primary its last replayed transaction is.</param>
public sealed record ServedBy(string Node, string Host, double? ReplayLagMs);
