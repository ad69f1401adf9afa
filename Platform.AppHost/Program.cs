var builder = DistributedApplication.CreateBuilder(args);

// aspire publish / aspire deploy: the graph as an AWS ECS Fargate deployment, sized by the settings beside the manifest.
builder.AddAwsEcsEnvironment("aws", "../ecs-settings.json");

var pg = builder.AddNativePostgres("pg");
var db = pg.AddDatabase("platformdb");
var dbReplica = pg.AddReadReplica("pg-replica").AddDatabase("platformdb-replica", databaseName: "platformdb");
var identityDb = pg.AddDatabase("identitydb");

// Each service signs in as its own role, granted only what it uses by the step that owns the database's schema;
// those steps alone use the master user.
var apiLogin = db.AddLogin("platformdb-api", "api");
var workerLogin = db.AddLogin("platformdb-worker", "worker");
var analyticsLogin = dbReplica.AddLogin("platformdb-analytics", "analytics");
var identityLogin = identityDb.AddLogin("identitydb-identity", "identity");

var cache = builder.AddNativeRedis("cache");

var assets = builder.AddS3Storage("storage").AddBucket("assets");

// Account mail (confirmation, password reset): locally a catcher whose inbox the dashboard links to; published, Amazon
// SES's SMTP interface, its settings the deployment's parameters (mail-sender, mail-smtp-user, mail-smtp-password).
var mail = builder.AddMailCatcher("mail");

var migrations = builder.AddProject<Projects.Platform_Migrations>("migrations")
    .WithReference(db)
    .WithReference(apiLogin)
    .WithReference(workerLogin)
    .WithReference(analyticsLogin)
    .WaitFor(db);

// Identity: the first admin, the provider's keys, and its two clients (web, and scripts).
var adminEmail = builder.AddParameter("identity-admin-email", "admin@platform.local", publishValueAsDefault: true);
var adminPassword = builder.AddGeneratedSecret("identity-admin-password");
var signingKey = builder.AddGeneratedSecret("identity-signing-key", minLength: 43);
var webClientId = builder.AddParameter("identity-web-client-id", "platform-web", publishValueAsDefault: true);
var webSecret = builder.AddGeneratedSecret("identity-web-secret");
var cliSecret = builder.AddGeneratedSecret("identity-cli-secret");

var identitySetup = builder.AddProject<Projects.Platform_Identity>("identity-setup")
    .WithArgs("setup")
    .WithReference(identityDb)
    .WithReference(identityLogin)
    .WithEnvironment("Identity__Setup__AdminEmail", adminEmail)
    .WithEnvironment("Identity__Setup__AdminPassword", adminPassword)
    .WithEnvironment("Identity__Setup__WebClientId", webClientId)
    .WithEnvironment("Identity__Setup__WebClientSecret", webSecret)
    .WithEnvironment("Identity__Setup__CliClientSecret", cliSecret)
    .WaitFor(identityDb);

var identity = builder.AddProject<Projects.Platform_Identity>("identity")
    .WithHttpEndpoint()
    .WithExternalHttpEndpoints()
    .WithReference(identityLogin, "identitydb")
    .WithEnvironment("Identity__SigningKey", signingKey)
    .WithAccountMail(mail)
    .WaitForCompletion(identitySetup);

var api = builder.AddProject<Projects.Platform_Api>("api")
    .WithHttpEndpoint()
    .WithExternalHttpEndpoints()
    .WithReference(apiLogin, "platformdb")
    .WithReference(analyticsLogin, "platformdb-replica") // not waited for: reads fall back to the primary until the replica is up
    .WithReference(cache)
    .WithReference(assets)
    .WithReference(identity)
    .WaitForCompletion(migrations)
    .WaitFor(cache)
    .WaitFor(assets);

builder.AddProject<Projects.Platform_Worker>("worker")
    .WithHttpEndpoint()
    .WithReplicas(2)
    .WithReference(workerLogin, "platformdb")
    .WithReference(cache)
    .WithReference(assets)
    .WaitForCompletion(migrations)
    .WaitFor(cache)
    .WaitFor(assets);

var web = builder.AddProject<Projects.Platform_Web>("web")
    .WithHttpEndpoint()
    .WithExternalHttpEndpoints()
    .WithReference(api)
    .WithReference(identity)
    .WithReference(cache)
    .WithEnvironment("Identity__ClientId", webClientId)
    .WithEnvironment("Identity__ClientSecret", webSecret)
    .WaitFor(cache);

// Public addresses (HTTPS in the cloud): identity's is the issuer its tokens name, web's is where it sends people back.
identity.WithEnvironment("Identity__Issuer", identity.GetPublicAddress());
identitySetup.WithEnvironment("Identity__Setup__WebClientUrls__0", web.GetPublicAddress());
// web's pages upload to and download from the bucket directly, with the api's presigned requests.
assets.WithBrowserAccess(web.GetPublicAddress());

builder.Build().Run();
