using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;
using Platform.Manifest.Conventions;

namespace Platform.Deployment.Aws.Databases;

/// <summary>The database images that become RDS instances: PostgreSQL, MySQL and SQL Server, as Aspire's integrations write them.</summary>
internal static class RdsEngines
{
    public static RdsEngine Postgres { get; } = new(
        "PostgreSQL", "postgres", ["postgres", "pgvector/pgvector", "ankane/pgvector"], 5432,
        PostgresContainer.User, PostgresContainer.DefaultUser, ["admin", "rdsadmin"], "postgres", PostgresContainer.Database,
        RdsCreatesDatabase: true, IamAuthentication: true, ["postgresql", "upgrade"],
        "postgres", "PGPASSWORD",
        """
        set -eu
        for db in $DATABASES; do
          if [ -z "$(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
            psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "CREATE DATABASE \"$db\""
            echo "created database $db"
          else
            echo "database $db exists"
          fi
        done
        """,
        settings => settings.Postgres,
        tag => new(tag),
        (version, _) => DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.Of(version, version.Split('.')[0]) }));

    public static RdsEngine MySql { get; } = new(
        "MySQL", "mysql", ["mysql"], 3306,
        null, "root", ["root", "rdsadmin"], "admin", "MYSQL_DATABASE",
        RdsCreatesDatabase: true, IamAuthentication: true, ["audit", "error", "general", "slowquery"],
        "mysql", "MYSQL_PWD",
        """
        set -eu
        for db in $DATABASES; do
          mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -e "CREATE DATABASE IF NOT EXISTS \`$db\`"
          echo "database $db is there"
        done
        """,
        settings => settings.MySql,
        // RDS runs MySQL's long-term releases only; Aspire's images are often innovation releases (8.3, 9.x).
        tag => tag is "8.0" or "8.4" ? new(tag) : new("8.4", $"MySQL {tag ?? "without a version tag"} is not a version RDS runs (it runs the 8.0 and 8.4 long-term releases): 8.4 instead"),
        (version, _) => DatabaseInstanceEngine.Mysql(new MySqlInstanceEngineProps { Version = MysqlEngineVersion.Of(version, string.Join('.', version.Split('.').Take(2))) }));

    public static RdsEngine SqlServer { get; } = new(
        "SQL Server", "sqlServer", ["mcr.microsoft.com/mssql/server", "mssql/server"], 1433,
        null, "sa", ["sa", "rdsadmin"], "admin", null,
        RdsCreatesDatabase: false, IamAuthentication: false, ["error", "agent"],
        "mssql", "SQLCMDPASSWORD",
        """
        set -eu
        sqlcmd=$(ls /opt/mssql-tools18/bin/sqlcmd /opt/mssql-tools/bin/sqlcmd 2>/dev/null | head -n 1)
        for db in $DATABASES; do
          "$sqlcmd" -S "$DB_HOST,$DB_PORT" -U "$DB_USER" -C -b -Q "IF DB_ID(N'$db') IS NULL CREATE DATABASE [$db]"
          echo "database $db is there"
        done
        """,
        settings => settings.SqlServer,
        // The image is tagged by year (2022-latest, 2019-CU27-ubuntu-20.04); RDS by SQL Server's major version.
        tag => new(tag?.Split('-')[0] switch { "2022" => "16.00", "2019" => "15.00", "2017" => "14.00", _ => null }),
        (version, settings) =>
        {
            var engineVersion = SqlServerEngineVersion.Of(version, version);
            return ((SqlServerSettings)settings).Edition switch
            {
                "ee" => DatabaseInstanceEngine.SqlServerEe(new SqlServerEeInstanceEngineProps { Version = engineVersion }),
                "web" => DatabaseInstanceEngine.SqlServerWeb(new SqlServerWebInstanceEngineProps { Version = engineVersion }),
                "ex" => DatabaseInstanceEngine.SqlServerEx(new SqlServerExInstanceEngineProps { Version = engineVersion }),
                _ => DatabaseInstanceEngine.SqlServerSe(new SqlServerSeInstanceEngineProps { Version = engineVersion }),
            };
        });

    public static IReadOnlyList<RdsEngine> All { get; } = [Postgres, MySql, SqlServer];

    public static RdsEngine? Of(string? image) => All.FirstOrDefault(e => e.Matches(image));

    /// <summary>The version from the settings, else from the image's tag by the engine's rule.</summary>
    public static EngineVersionChoice VersionFor(RdsEngine engine, string image, DeploymentSettings settings) =>
        engine.Settings(settings).EngineVersion is { } chosen
            ? new(chosen)
            : engine.VersionOfTag(engine == SqlServer ? ImageNames.Tag(image) : ImageNames.VersionTag(image) ?? PgvectorVersion(image));

    /// <summary>pgvector's images are tagged by PostgreSQL's major version (<c>pgvector/pgvector:pg17</c>); RDS has the extension.</summary>
    private static string? PgvectorVersion(string image) =>
        ImageNames.Tag(image) is { } tag && tag.StartsWith("pg", StringComparison.Ordinal) && tag[2..].TakeWhile(char.IsDigit).ToArray() is { Length: > 0 } digits
            ? new string(digits)
            : null;
}
