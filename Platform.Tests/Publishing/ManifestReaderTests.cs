using Platform.Manifest;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Publishing;

[Trait("Tier", "Fast")]
public sealed class ManifestReaderTests
{
    public static TheoryData<string> Examples => new(Directory.GetFiles(Repository.Aspire("manifest-examples"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_parses_and_every_expression_resolves_or_is_named(string file)
    {
        var manifest = AspireManifest.Load(Repository.Aspire("manifest-examples", file));
        var resolver = new ManifestResolver(manifest);
        var resolved = 0;
        var failures = new List<string>();

        foreach (var (location, template) in Expressions(manifest))
        {
            try
            {
                var value = resolver.Resolve(template, location);
                Assert.All(value.References, reference => Assert.True(manifest.TryGet(reference.Resource, out _)));
                resolved++;
            }
            catch (ManifestException e)
            {
                Assert.StartsWith(location + ": '{", e.Message);
                failures.Add(e.Message);
            }
        }

        Assert.NotEmpty(manifest.Resources);
        Assert.True(resolved > 0);
        Assert.Equal(KnownUnresolvable.GetValueOrDefault(file, []), failures.Select(f => f[..f.IndexOf('}')]).Distinct().Order());
    }

    /// <summary>
    /// What Aspire wrote that the reader cannot resolve alone: in the stale Aspire 8 test manifest, a URI-encoded password
    /// it did not write (a deployment takes it by Aspire's convention). The bindings of a connection-string parameter
    /// (ParameterEndToEnd's <c>{sql.bindings.tcp.host}</c>) resolve to leaves, which a deployment supplies.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownUnresolvable = new()
    {
        ["tests-testproject-TestProject.AppHost.aspire-manifest.json"] =
        [
            "integrationservicea env ConnectionStrings__rabbitmq: '{rabbitmq-password-uri-encoded.value",
            "rabbitmq connectionString: '{rabbitmq-password-uri-encoded.value",
        ],
    };

    [Fact]
    public void The_address_of_a_connection_string_parameter_is_a_leaf_the_deployment_supplies()
    {
        var manifest = AspireManifest.Load(Repository.Aspire("manifest-examples", "playground-ParameterEndToEnd.AppHost.aspire-manifest.json"));

        var value = new ManifestResolver(manifest).Resolve("{cs.connectionString}", "test");

        Assert.Equal(["sql.bindings.tcp.url", "insertionrows.inputs.value"], value.References.Select(r => $"{r.Resource}.{r.Property}"));
        var error = Assert.Throws<ManifestException>(() => new ManifestResolver(manifest).Resolve("{insertionrows.bindings.tcp.host}", "test"));
        Assert.Contains("which it does not have", error.Message);
    }

    [Fact]
    public void Reads_each_resource_type_into_its_record()
    {
        var manifest = AspireManifest.Load(Repository.Aspire("manifest-examples", "tests-testproject-TestProject.AppHost.aspire-manifest.json"));

        Assert.Contains(manifest.Resources, r => r is ManifestProject { Type: "project.v0" });
        Assert.Contains(manifest.Resources, r => r is ManifestContainer { Image: not null });
        Assert.Contains(manifest.Resources, r => r is ManifestExecutable);
        Assert.Contains(manifest.Resources, r => r is ManifestBicep);
        var generated = manifest.Resources.OfType<ManifestParameter>().SelectMany(p => p.Inputs.Values).First(i => i.Generate is not null);
        Assert.Equal(22, generated.Generate!.MinLength);
        var dockerfile = AspireManifest.Load(Repository.Aspire("manifest-examples", "playground-WithDockerfile.AppHost.aspire-manifest.json"));
        Assert.Contains(dockerfile.Resources, r => r is ManifestError);
    }

    [Fact]
    public void A_connection_string_expands_to_literals_and_leaves()
    {
        var manifest = AspireManifest.Load(Repository.ManifestPath);

        var value = new ManifestResolver(manifest).Resolve("{api.bindings.http.url}|{platformdb.connectionString}", "test");

        Assert.Equal(
        [
            new ReferencePart("api", "bindings.http.url"),
            new LiteralPart("|Host="),
            new ReferencePart("pg", "bindings.tcp.host"),
            new LiteralPart(";Port="),
            new ReferencePart("pg", "bindings.tcp.port"),
            new LiteralPart(";Username=postgres;Password="),
            new ReferencePart("pg-password", "inputs.value"),
            new LiteralPart(";Database=platformdb"),
        ], value.Parts);
        Assert.Equal("http://api:8080|Host=db;Port=5432;Username=postgres;Password=p@ss;Database=platformdb", value.Render(leaf => leaf.Expression switch
        {
            "{api.bindings.http.url}" => "http://api:8080",
            "{pg.bindings.tcp.host}" => "db",
            "{pg.bindings.tcp.port}" => "5432",
            _ => "p@ss",
        }));
    }

    [Fact]
    public void An_annotated_string_URI_encodes_its_value()
    {
        var manifest = AspireManifest.Load(Repository.Aspire("manifest-examples", "playground-TestShop.AppHost.v13-main.aspire-manifest.json"));

        var uri = new ManifestResolver(manifest).Resolve("{postgres-password-uri-encoded.value}", "test");

        Assert.Equal("a%2Fb%40c", uri.Render(_ => "a/b@c"));
    }

    [Theory]
    [InlineData("{nope.connectionString}", "test: '{nope.connectionString}' refers to resource 'nope', which is not in the manifest.")]
    [InlineData("{api.connectionString}", "test: '{api.connectionString}' refers to the connection string of 'api' (project.v0), which has none.")]
    [InlineData("{api.bindings.grpc.url}", "test: '{api.bindings.grpc.url}' refers to binding 'grpc' of 'api', which has bindings: http, https.")]
    [InlineData("{api.bindings.http.path}", "test: '{api.bindings.http.path}' asks for 'path' of a binding; a binding has url, host, port, targetPort, scheme.")]
    [InlineData("{pg.colour}", "test: '{pg.colour}' refers to 'colour' of 'pg' (container.v0), which it does not have.")]
    public void An_unknown_resource_or_property_is_a_clear_error(string expression, string message)
    {
        var manifest = AspireManifest.Load(Repository.ManifestPath);

        var error = Assert.Throws<ManifestException>(() => new ManifestResolver(manifest).Resolve(expression, "test"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Expressions_that_refer_to_each_other_in_a_cycle_are_refused()
    {
        var manifest = AspireManifest.Parse("""
            { "resources": {
                "a": { "type": "value.v0", "connectionString": "x={b.connectionString}" },
                "b": { "type": "value.v0", "connectionString": "y={a.connectionString}" } } }
            """, "/");

        var error = Assert.Throws<ManifestException>(() => new ManifestResolver(manifest).Resolve("{a.connectionString}", "test"));

        Assert.Equal("test: expressions refer to each other in a cycle: a.connectionString -> b.connectionString -> a.connectionString.", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_manifest_is_refused_with_its_reason()
    {
        Assert.Contains("not valid JSON", Assert.Throws<ManifestException>(() => AspireManifest.Parse("{", "/")).Message);
        Assert.Contains("no \"resources\"", Assert.Throws<ManifestException>(() => AspireManifest.Parse("{}", "/")).Message);
        Assert.Equal("Resource 'p' has no \"path\", which its type requires.",
            Assert.Throws<ManifestException>(() => AspireManifest.Parse("""{ "resources": { "p": { "type": "project.v0" } } }""", "/")).Message);
        Assert.Contains("was not found", Assert.Throws<ManifestException>(() => AspireManifest.Load("/nonexistent/aspire-manifest.json")).Message);
    }

    /// <summary>Every templated string of a manifest: connection strings, env values and args.</summary>
    private static IEnumerable<(string Location, string Template)> Expressions(AspireManifest manifest)
    {
        foreach (var resource in manifest.Resources)
        {
            if (resource.ConnectionString is { } connectionString)
            {
                yield return ($"{resource.Name} connectionString", connectionString);
            }
            if (resource is ManifestWorkload workload)
            {
                foreach (var (name, value) in workload.Env)
                {
                    yield return ($"{resource.Name} env {name}", value);
                }
                foreach (var (arg, index) in workload.Args.Select((a, i) => (a, i)))
                {
                    yield return ($"{resource.Name} args[{index}]", arg);
                }
            }
        }
    }
}
