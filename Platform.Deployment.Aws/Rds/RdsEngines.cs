using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Versions;
using Platform.Manifest.Conventions;

namespace Platform.Deployment.Aws.Rds;

/// <summary>The database images that become RDS instances: PostgreSQL, MySQL and SQL Server, as Aspire's integrations write them.</summary>
internal static class RdsEngines
{
    public static RdsEngine Postgres { get; } = new()
    {
        Name = "PostgreSQL",
        SettingsName = "postgres",
        Settings = settings => settings.Postgres,
        Repositories = ["postgres", "pgvector/pgvector", "ankane/pgvector"],
        Port = 5432,
        Versions = ServiceVersions.Postgres,
        MajorOf = image => ImageNames.VersionTag(image)?.Split('.')[0] ?? PgvectorVersion(image),
        InstanceEngine = (version, _) => DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.Of(version, version.Split('.')[0]) }),
        UserVariable = PostgresContainer.User,
        DefaultUser = PostgresContainer.DefaultUser,
        ReservedUsers = ["admin", "rdsadmin"],
        SubstituteUser = "postgres",
        DatabaseVariable = PostgresContainer.Database,
        RdsCreatesDatabase = true,
        IamAuthentication = true,
        LogExports = ["postgresql", "upgrade"],
        Client = new("postgres", "PGPASSWORD", """
            set -eu
            for db in $DATABASES; do
              if [ -z "$(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
                psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "CREATE DATABASE \"$db\""
                echo "created database $db"
              else
                echo "database $db exists"
              fi
            done
            """),
    };

    public static RdsEngine MySql { get; } = new()
    {
        Name = "MySQL",
        SettingsName = "mysql",
        Settings = settings => settings.MySql,
        Repositories = ["mysql"],
        Port = 3306,
        // A MySQL line is its first two numbers (8.0, 8.4); Aspire's images are often innovation releases (8.3, 9.x).
        Versions = ServiceVersions.MySql,
        MajorOf = ImageNames.VersionTag,
        InstanceEngine = (version, _) => DatabaseInstanceEngine.Mysql(new MySqlInstanceEngineProps { Version = MysqlEngineVersion.Of(version, string.Join('.', version.Split('.').Take(2))) }),
        DefaultUser = "root",
        ReservedUsers = ["root", "rdsadmin"],
        SubstituteUser = "admin",
        DatabaseVariable = "MYSQL_DATABASE",
        RdsCreatesDatabase = true,
        IamAuthentication = true,
        LogExports = ["audit", "error", "general", "slowquery"],
        Client = new("mysql", "MYSQL_PWD", """
            set -eu
            for db in $DATABASES; do
              mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -e "CREATE DATABASE IF NOT EXISTS \`$db\`"
              echo "database $db is there"
            done
            """),
    };

    public static RdsEngine SqlServer { get; } = new()
    {
        Name = "SQL Server",
        SettingsName = "sqlServer",
        Settings = settings => settings.SqlServer,
        Repositories = ["mcr.microsoft.com/mssql/server", "mssql/server"],
        Port = 1433,
        // The image is tagged by year (2022-latest, 2019-CU27-ubuntu-20.04); RDS by SQL Server's major version.
        Versions = ServiceVersions.SqlServer,
        MajorOf = image => ImageNames.Tag(image)?.Split('-')[0],
        InstanceEngine = (version, settings) =>
        {
            var engineVersion = SqlServerEngineVersion.Of(version, string.Join('.', version.Split('.').Take(2)));
            return ((SqlServerSettings)settings).Edition switch
            {
                "ee" => DatabaseInstanceEngine.SqlServerEe(new SqlServerEeInstanceEngineProps { Version = engineVersion }),
                "web" => DatabaseInstanceEngine.SqlServerWeb(new SqlServerWebInstanceEngineProps { Version = engineVersion }),
                "ex" => DatabaseInstanceEngine.SqlServerEx(new SqlServerExInstanceEngineProps { Version = engineVersion }),
                _ => DatabaseInstanceEngine.SqlServerSe(new SqlServerSeInstanceEngineProps { Version = engineVersion }),
            };
        },
        DefaultUser = "sa",
        ReservedUsers = ["sa", "rdsadmin"],
        SubstituteUser = "admin",
        RdsCreatesDatabase = false,
        IamAuthentication = false,
        LogExports = ["error", "agent"],
        Client = new("mssql", "SQLCMDPASSWORD", """
            set -eu
            sqlcmd=$(ls /opt/mssql-tools18/bin/sqlcmd /opt/mssql-tools/bin/sqlcmd 2>/dev/null | head -n 1)
            for db in $DATABASES; do
              "$sqlcmd" -S "$DB_HOST,$DB_PORT" -U "$DB_USER" -C -b -Q "IF DB_ID(N'$db') IS NULL CREATE DATABASE [$db]"
              echo "database $db is there"
            done
            """),
    };

    public static IReadOnlyList<RdsEngine> All { get; } = [Postgres, MySql, SqlServer];

    public static RdsEngine? Of(string? image) => All.FirstOrDefault(e => e.Matches(image));

    /// <summary>The version from the settings, else the major of the image's tag as RDS offers it.</summary>
    public static EngineVersionChoice VersionFor(RdsEngine engine, string image, DeploymentSettings settings) =>
        engine.Versions.Choose(ImageNames.Tag(image), engine.MajorOf(image), engine.Settings(settings).EngineVersion, $"{engine.SettingsName}.engineVersion");

    /// <summary>pgvector's images are tagged by PostgreSQL's major version (<c>pgvector/pgvector:pg17</c>); RDS has the extension.</summary>
    private static string? PgvectorVersion(string image) =>
        ImageNames.Tag(image) is { } tag && tag.StartsWith("pg", StringComparison.Ordinal) && tag[2..].TakeWhile(char.IsDigit).ToArray() is { Length: > 0 } digits
            ? new string(digits)
            : null;
}
