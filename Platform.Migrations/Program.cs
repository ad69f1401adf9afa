using System.Reflection;
using DbUp;
using DbUp.Engine;
using DbUp.Support;
using Npgsql;
using Platform.Npgsql;

// The one-shot migration step: applies the versioned scripts in Scripts/ that the database has not seen yet, in name
// order, each in its own transaction; creates the services' roles (the other connection strings it is given, see
// PostgresLogins) and grants each what it uses (Scripts/Always, run every time); and exits. A failure exits non-zero
// and the AppHost stops the graph. It alone signs in as the master user.
const string ConnectionName = "platformdb";
var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{ConnectionName}");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine($"error: ConnectionStrings__{ConnectionName} is not set. Run the migrations through the AppHost, or set it to the database's connection string.");
    return 2;
}

IReadOnlyList<NpgsqlConnectionStringBuilder> logins;
try
{
    logins = PostgresLogins.FromEnvironment(ConnectionName);
    await using var master = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
    await master.OpenAsync();
    await PostgresLogins.EnsureAsync(master, logins);
}
catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
{
    Console.Error.WriteLine($"error: the services' roles could not be created: {e.Message}");
    return 1;
}

var assembly = Assembly.GetExecutingAssembly();
var upgrade = DeployChanges.To
    .PostgresqlDatabase(connectionString)
    .WithScriptsEmbeddedInAssembly(assembly, name => !name.Contains(".Always."), new SqlScriptOptions { RunGroupOrder = 1 })
    .WithScriptsEmbeddedInAssembly(assembly, name => name.Contains(".Always."), new SqlScriptOptions { ScriptType = ScriptType.RunAlways, RunGroupOrder = 2 })
    .WithTransactionPerScript()
    .LogToConsole()
    .Build()
    .PerformUpgrade();

if (!upgrade.Successful)
{
    Console.Error.WriteLine($"error: migration '{upgrade.ErrorScript?.Name}' failed: {upgrade.Error.Message}");
    return 1;
}
var applied = upgrade.Scripts.Count(script => script.SqlScriptOptions.ScriptType != ScriptType.RunAlways);
Console.WriteLine($"Database is up to date ({applied} new scripts applied); roles granted: {string.Join(", ", logins.Select(l => l.Username))}.");
return 0;
