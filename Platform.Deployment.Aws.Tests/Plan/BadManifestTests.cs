using Platform.Deployment.Aws;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Tests.Plan;

/// <summary>
/// What truly cannot be deployed is reported all at once, each line naming the resource and the expression, and
/// nothing is written: a binding of a resource that does not exist, a bind mount of a local file, a parameter whose
/// value has no source.
/// </summary>
public sealed class BadManifestTests
{
    [Trait("Tier", "Fast")]
    [Fact]
    public void Every_problem_is_named_at_once_and_nothing_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("platform-bad-manifest-").FullName;
        try
        {
            var manifestPath = Path.Combine(folder, "aspire-manifest.json");
            File.WriteAllText(manifestPath, """
                {
                  "resources": {
                    "apikey": { "type": "parameter.v0", "value": "{apikey.inputs.value}", "inputs": {} },
                    "tool": {
                      "type": "container.v0",
                      "image": "example/tool:1.2",
                      "bindMounts": [ { "source": "./tool.yaml", "target": "/etc/tool/tool.yaml", "readOnly": true } ],
                      "volumes": [ { "name": "tool-data", "target": "/var/lib/tool", "readOnly": false } ]
                    },
                    "app": {
                      "type": "project.v0",
                      "path": "../App/App.csproj",
                      "env": { "CATALOG": "{catalog.bindings.http.url}", "API_KEY": "{apikey.value}" },
                      "bindings": { "http": { "scheme": "http", "protocol": "tcp", "transport": "http", "external": true } }
                    }
                  }
                }
                """);
            var output = Path.Combine(folder, "out");

            var error = Assert.Throws<DeploymentException>(() => EcsSynthesizer.Synthesize(AspireManifest.Load(manifestPath), new DeploymentSettings { AllowPlainHttp = true }, output));

            var lines = error.Message.Split('\n').Skip(1).Select(l => l.Trim()).ToList();
            Assert.Contains("'tool' bind-mounts the local read-only path './tool.yaml' at '/etc/tool/tool.yaml': a file of the developer's machine does not exist in the cloud; build it into the image", lines);
            Assert.Contains("'app' env CATALOG: '{catalog.bindings.http.url}' refers to resource 'catalog', which is not in the manifest.", lines);
            Assert.Contains(lines, l => l.StartsWith("'app' env API_KEY: '{apikey.inputs.value}' refers to input 'value' of parameter 'apikey', which has inputs:", StringComparison.Ordinal));
            Assert.Equal(3, lines.Count);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
