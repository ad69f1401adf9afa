using Platform.Web.Api;
using Platform.Web.Pages;
using Platform.Web.SignIn;
using Platform.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebSignIn();
builder.Services.AddRazorPages().AddMvcOptions(mvc =>
{
    mvc.Filters.Add(new AntiforgeryProblemFilter());
    mvc.Filters.Add(new NoHandlerProblemFilter());
});
builder.Services.AddAntiforgery(antiforgery => antiforgery.HeaderName = "X-Antiforgery-Token");

// "api" is resolved by service discovery (services__api__http__0), as under Aspire.
builder.Services.AddHttpClient(ApiClient.Reads, client => client.BaseAddress = new Uri("http://api"))
    // A download is the api's redirect to the store, for the browser to follow, not web.
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
    .AddHttpMessageHandler<UserAccessTokenHandler>();
// Changes are sent once: a streamed upload cannot be replayed, and a retried POST could queue a job twice.
#pragma warning disable EXTEXP0001 // Experimental, but the supported way to opt one client out of the defaults' resilience.
builder.Services.AddHttpClient(ApiClient.Writes, client =>
{
    client.BaseAddress = new Uri("http://api");
    client.Timeout = TimeSpan.FromMinutes(10);
})
    .RemoveAllResilienceHandlers()
    .AddHttpMessageHandler<UserAccessTokenHandler>();
#pragma warning restore EXTEXP0001
builder.Services.AddScoped<ApiClient>();
builder.Services.AddApiProblemResponses();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseApiProblemResponses();
app.UseHeaderSizeLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseSignInAgainWhenTokensLapse();

app.MapDefaultEndpoints();
app.MapRazorPages();
app.MapAssetContent();
app.MapUpload();
app.MapPresignedUploads();
app.MapSignIn();

app.Run();
