using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Platform.Manifest;

namespace Platform.Hosting.S3;

/// <summary>
/// S3 storage in the manifest: an <c>aws.cloudformation.template.v0</c> whose template (written beside the
/// manifest) creates every bucket of the storage: encrypted, versioned (old versions expire after a setting), public access blocked, TLS only. A bucket
/// is a <c>value.v0</c> whose connection string reads the stack's outputs (<c>{storage.output.AssetsBucketName}</c>),
/// so in the cloud it has no endpoint and no keys (the task role gives access). None of the emulator's settings
/// are published.
/// </summary>
internal static class StorageManifest
{
    public static async Task WriteStorageAsync(ManifestPublishingContext context, S3StorageResource storage, IEnumerable<IResource> graph)
    {
        var buckets = graph.OfType<S3BucketResource>().Where(b => b.Parent == storage).ToList();
        var templatePath = $"cloudformation/{storage.Name}.template.json";
        var templateFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(context.ManifestPath))!, templatePath);
        Directory.CreateDirectory(Path.GetDirectoryName(templateFile)!);
        await File.WriteAllTextAsync(templateFile,
            Template(storage, buckets).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n",
            context.CancellationToken);

        var writer = context.Writer;
        writer.WriteString("type", ManifestTypes.CloudFormationTemplate);
        writer.WriteString("stack-name", storage.Name);
        writer.WriteString("template-path", templatePath);
        writer.WriteStartArray("references");
        foreach (var user in graph.Where(r => r.Annotations.OfType<ResourceRelationshipAnnotation>().Any(a => a.Resource == storage || buckets.Contains(a.Resource))))
        {
            writer.WriteStartObject();
            writer.WriteString("target-resource", user.Name);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static Task WriteBucketAsync(ManifestPublishingContext context, S3BucketResource bucket)
    {
        context.Writer.WriteString("type", ManifestTypes.Value);
        context.Writer.WriteString("connectionString",
            $"Region={{{bucket.Parent.Name}.output.Region}};Bucket={{{bucket.Parent.Name}.output.{LogicalId(bucket)}Name}}");
        return Task.CompletedTask;
    }

    /// <summary>The bucket's CloudFormation logical ID: its resource name in PascalCase, plus "Bucket".</summary>
    public static string LogicalId(S3BucketResource bucket) =>
        string.Concat(bucket.Name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Bucket";

    private static JsonObject Template(S3StorageResource storage, IEnumerable<S3BucketResource> buckets)
    {
        var resources = new JsonObject();
        var outputs = new JsonObject { ["Region"] = Output(new JsonObject { ["Ref"] = "AWS::Region" }) };
        foreach (var bucket in buckets)
        {
            var id = LogicalId(bucket);
            resources[id] = Bucket(bucket);
            resources[id + "Policy"] = TlsOnlyPolicy(id);
            outputs[id + "Name"] = Output(new JsonObject { ["Ref"] = id });
            outputs[id + "Arn"] = Output(new JsonObject { ["Fn::GetAtt"] = new JsonArray(id, "Arn") });
        }
        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"Storage '{storage.Name}': S3 buckets, encrypted, versioned, private, reachable over TLS only.",
            ["Resources"] = resources,
            ["Outputs"] = outputs,
        };
    }

    private static JsonObject Bucket(S3BucketResource bucket) => new()
    {
        ["Type"] = "AWS::S3::Bucket",
        // Objects outlive a stack that is deleted or replaced by mistake.
        ["DeletionPolicy"] = "Retain",
        ["UpdateReplacePolicy"] = "Retain",
        ["Properties"] = new JsonObject
        {
            ["BucketEncryption"] = new JsonObject
            {
                ["ServerSideEncryptionConfiguration"] = new JsonArray(new JsonObject
                {
                    ["ServerSideEncryptionByDefault"] = new JsonObject { ["SSEAlgorithm"] = "AES256" },
                    ["BucketKeyEnabled"] = true,
                }),
            },
            ["VersioningConfiguration"] = new JsonObject { ["Status"] = "Enabled" },
            // Versioning recovers a deletion by mistake; old versions are not kept forever for it.
            ["LifecycleConfiguration"] = new JsonObject
            {
                ["Rules"] = new JsonArray(new JsonObject
                {
                    ["Id"] = "ExpireNoncurrentVersions",
                    ["Status"] = "Enabled",
                    ["NoncurrentVersionExpiration"] = new JsonObject { ["NoncurrentDays"] = bucket.NoncurrentVersionDays },
                    ["AbortIncompleteMultipartUpload"] = new JsonObject { ["DaysAfterInitiation"] = 1 },
                }),
            },
            ["PublicAccessBlockConfiguration"] = new JsonObject
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["OwnershipControls"] = new JsonObject
            {
                ["Rules"] = new JsonArray(new JsonObject { ["ObjectOwnership"] = "BucketOwnerEnforced" }),
            },
        },
    };

    private static JsonObject TlsOnlyPolicy(string bucketId) => new()
    {
        ["Type"] = "AWS::S3::BucketPolicy",
        ["Properties"] = new JsonObject
        {
            ["Bucket"] = new JsonObject { ["Ref"] = bucketId },
            ["PolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Sid"] = "DenyInsecureTransport",
                    ["Effect"] = "Deny",
                    ["Principal"] = "*",
                    ["Action"] = "s3:*",
                    ["Resource"] = new JsonArray(
                        new JsonObject { ["Fn::GetAtt"] = new JsonArray(bucketId, "Arn") },
                        new JsonObject { ["Fn::Sub"] = $"${{{bucketId}.Arn}}/*" }),
                    ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
                }),
            },
        },
    };

    private static JsonObject Output(JsonNode value) => new() { ["Value"] = value };
}
