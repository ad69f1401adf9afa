namespace Platform.Deployment.Aws.Rds;

/// <summary>An engine image's own client, as the step that creates databases runs it (<see cref="DatabaseSteps"/>).</summary>
/// <param name="User">The image's unprivileged user, who runs it.</param>
/// <param name="PasswordVariable">The variable it reads its password from, so that none is on a command line.</param>
/// <param name="CreateDatabases">A shell script creating each of <c>$DATABASES</c> that is missing, on <c>$DB_HOST</c>:<c>$DB_PORT</c> as <c>$DB_USER</c>.</param>
internal sealed record DatabaseClient(string User, string PasswordVariable, string CreateDatabases);
