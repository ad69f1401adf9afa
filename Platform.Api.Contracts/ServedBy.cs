namespace Platform.Api.Contracts;

/// <param name="Node"><c>replica</c> when a standby answered, <c>primary</c> when reads fell back to the primary.</param>
/// <param name="Host">The database server's address, for admins only (null for everyone else: where the database is
/// tells an attacker where to aim).</param>
/// <param name="ReplayLagMs">On a replica: how far behind the primary its last replayed transaction is.</param>
public sealed record ServedBy(string Node, string? Host, double? ReplayLagMs);
