using System.Reflection;
using DbUp;

// The one-shot migration step: applies the versioned scripts in Scripts/ that the database has not seen yet,
// in name order, each in its own transaction, and exits. A failure exits non-zero and the AppHost stops the graph.
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__platformdb");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("error: ConnectionStrings__platformdb is not set. Run the migrations through the AppHost, or set it to the database's connection string.");
    return 2;
}

var upgrade = DeployChanges.To
    .PostgresqlDatabase(connectionString)
    .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly())
    .WithTransactionPerScript()
    .LogToConsole()
    .Build()
    .PerformUpgrade();

if (!upgrade.Successful)
{
    Console.Error.WriteLine($"error: migration '{upgrade.ErrorScript?.Name}' failed: {upgrade.Error.Message}");
    return 1;
}
Console.WriteLine($"Database is up to date ({upgrade.Scripts.Count()} new scripts applied).");
return 0;
