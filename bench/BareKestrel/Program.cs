// Kestrel answering one GET with a fixed JSON body the size of an asset: the ceiling for GET /api/assets/{id}.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var body = new string('x', int.Parse(Environment.GetEnvironmentVariable("BODY_BYTES") ?? "500"));
app.MapGet("/asset", () => Results.Text(body, "application/json"));
app.Run();
