using Platform.Identity;
using Platform.Identity.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();

// `setup`: the one-shot step the AppHost runs before the service (its database, migrations, roles, first admin, clients).
if (IdentitySetup.IsRequested(args))
{
    return await IdentitySetup.RunAsync(app.Services);
}

app.UseIdentityPipeline();
app.Run();
return 0;
