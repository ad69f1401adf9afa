using System.Text.RegularExpressions;
using Platform.Api.Contracts;
using Platform.Jobs.Lifecycle;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Jobs;

/// <summary>The lifecycle's states and events are the ones the schema admits: a state added on one side only fails here,
/// not in a worker's statement at run time.</summary>
[Trait("Tier", "Fast")]
public sealed partial class JobLifecycleContractTests
{
    private static readonly string Schema = File.ReadAllText(Path.Combine(Repository.Root, "Platform.Migrations", "Scripts", "0002_assets_and_jobs.sql"));

    /// <summary>Every migration, in the order they run: a later script may replace a column's CHECK.</summary>
    private static readonly string[] Scripts = [.. Directory.GetFiles(Path.Combine(Repository.Root, "Platform.Migrations", "Scripts"), "*.sql")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    [Fact]
    public void Job_states_are_the_ones_the_jobs_table_admits()
    {
        string[] states = [JobStatus.Queued, JobStatus.Processing, JobStatus.Retrying, JobStatus.Done, JobStatus.Failed];
        Assert.Equal(Checked("jobs", "status").Order(), states.Order());
        Assert.All(JobStatus.Unfinished, state => Assert.Contains(state, states));
    }

    [Fact]
    public void Asset_states_are_the_ones_the_assets_table_admits()
    {
        Assert.Equal(Checked("assets", "status").Order(), AssetStatus.All.Order());
    }

    [Fact]
    public void Job_events_are_the_ones_the_history_table_admits()
    {
        string[] events = [JobEvents.Started, JobEvents.RetryScheduled, JobEvents.HandedBack, JobEvents.Done, JobEvents.DeadLettered];
        Assert.Equal(Checked("job_events", "event").Order(), events.Order());
    }

    /// <summary>The values of the column's CHECK: the last <c>ADD CONSTRAINT table_column_check CHECK (column IN (...))</c>
    /// of the migrations, or else <c>column text ... CHECK (column IN (...))</c> in <c>CREATE TABLE table</c>.</summary>
    private static IEnumerable<string> Checked(string table, string column)
    {
        var replaced = Scripts.Select(script => Regex.Match(script, $@"ALTER TABLE {table} ADD CONSTRAINT {table}_{column}_check CHECK \({column} IN \((?<values>[^)]*)\)\)"))
            .LastOrDefault(match => match.Success);
        if (replaced is not null)
        {
            return Quoted().Matches(replaced.Groups["values"].Value).Select(m => m.Groups[1].Value);
        }
        var definition = Regex.Match(Schema, $@"CREATE TABLE IF NOT EXISTS {table} \((?<body>.*?)\n\);", RegexOptions.Singleline).Groups["body"].Value;
        var check = Regex.Match(definition, $@"\b{column} text NOT NULL.*?CHECK \({column} IN \((?<values>[^)]*)\)\)");
        Assert.True(check.Success, $"no CHECK on {table}.{column}");
        return Quoted().Matches(check.Groups["values"].Value).Select(m => m.Groups[1].Value);
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
