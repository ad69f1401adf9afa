using System.Collections.Concurrent;
using System.Text.Json;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// The CloudFormation resource schemas from npm's <c>@aws-cdk/aws-service-spec</c> (the database the CDK generates its
/// own L1 classes from), installed once with npm ci from <c>ServiceSpec/package-lock.json</c>; <c>validate.js</c>
/// checks a template against them. This is what checks the property overrides that no typed API does.
/// </summary>
internal static class ServiceSpec
{
    public sealed record Report(string[] Findings, string[] Taggable);

    private static readonly ConcurrentDictionary<string, Task<Report>> Checked = new();

    /// <summary>The template's findings and taggable resources; a template is checked once per run (it does not change once written).</summary>
    public static Task<Report> ValidateAsync(string templatePath) => Checked.GetOrAdd(templatePath, CheckAsync);

    private static async Task<Report> CheckAsync(string templatePath)
    {
        var tool = await NpmTool.InstallAsync(Repository.Tests("Synthesis", "ServiceSpec"), "@aws-cdk/aws-service-spec");
        var (exitCode, output, error) = await NpmTool.RunAsync(tool, "node", "validate.js", templatePath);
        Assert.True(exitCode == 0, $"the schema check failed to run: {error}");
        return JsonSerializer.Deserialize<Report>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
