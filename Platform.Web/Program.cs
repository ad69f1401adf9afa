var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddHttpClient("api", client => client.BaseAddress = new Uri("http://api"));

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGet("/", async (IHttpClientFactory clients) => await clients.CreateClient("api").GetStringAsync("/"));

app.Run();
