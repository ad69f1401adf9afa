using System.Diagnostics;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Validates documents against Aspire's manifest schema (JSON Schema draft-07) with Ajv, a complete draft-07
/// validator, run by Node.js. Ajv is installed once, with npm ci from the pinned lock file, into the tools folder.
/// </summary>
internal static class AspireSchema
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The validation errors, as Ajv reports them; empty when the document is valid.</summary>
    public static async Task<string[]> ValidateAsync(string json)
    {
        var validator = await EnsureInstalledAsync();
        var document = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(document, json);
            var (exitCode, output) = await RunAsync(Path.GetDirectoryName(validator)!, "node", validator, Repository.Aspire("aspire-manifest.schema.json"), document);
            var errors = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[]>(output)!.Select(e => e.ToString()).ToArray();
            Assert.Equal(exitCode == 0, errors.Length == 0);
            return errors;
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var source = Path.Combine(Repository.Root, "Platform.Tests", "SchemaValidation");
        var installed = Path.Combine(Repository.Root, "Platform.AppHost", ".platform", "tools", "schema-validation");
        await InstallGate.WaitAsync();
        try
        {
            Directory.CreateDirectory(installed);
            foreach (var file in new[] { "package.json", "package-lock.json", "validate.mjs" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(installed, file), overwrite: true);
            }
            if (!Directory.Exists(Path.Combine(installed, "node_modules", "ajv")))
            {
                var (exitCode, output) = await RunAsync(installed, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
                Assert.True(exitCode == 0, $"npm ci for the schema validator failed: {output}");
            }
            return Path.Combine(installed, "validate.mjs");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
