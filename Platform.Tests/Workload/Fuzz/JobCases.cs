using System.Text;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>Bad bodies of <c>POST /api/jobs</c>: malformed and truncated JSON, unknown fields, wrong types, wrong content
/// types, bytes that are not UTF-8, nesting past any sense.</summary>
public static class JobCases
{
    public static IEnumerable<FuzzCase> Generate(Random random, Guid assetId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (body, contentType, what) = random.Next(9) switch
            {
                0 => Truncated(random, assetId),
                1 => UnknownField(random, assetId),
                2 => WrongType(random, assetId),
                3 => (Valid(random, assetId), random.Pick<string?>([null, "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "garbage"]), "a JSON body under another content type"),
                4 => (Concat("{\"type\": \"ping\", \"assetId\": \""u8.ToArray(), random.InvalidUtf8(), Encoding.UTF8.GetBytes(assetId + "\"}")), "application/json", "JSON that is not UTF-8"),
                5 => (Encoding.UTF8.GetBytes(new string('[', random.Next(70, 2000)) + new string(']', 10)), "application/json", "JSON nested past any depth"),
                6 => (Encoding.UTF8.GetBytes(random.Pick(["[]", "42", "\"ping\"", "true", "null", "", "   "])), "application/json", "JSON that is not an object"),
                7 => (Encoding.UTF8.GetBytes(Json("ping", assetId) + random.Pick([" x", "}", ",", "/* c */", "{}"])), "application/json", "JSON with something after the object"),
                _ => (Encoding.UTF8.GetBytes(Json(random.Text(20_000, 100_000), assetId)), "application/json", "a job type of up to 100 KB"),
            };
            yield return new FuzzCase(what, FuzzSender.Person, HttpMethod.Post, "/api/jobs", Multipart.Content(body, contentType));
        }
    }

    private static string Json(string type, Guid assetId) => $"{{\"type\": \"{type}\", \"assetId\": \"{assetId}\"}}";

    private static byte[] Valid(Random random, Guid assetId) => Encoding.UTF8.GetBytes(Json(random.Pick(["ping", "verify-asset", "process-asset"]), assetId));

    private static (byte[], string?, string) Truncated(Random random, Guid assetId)
    {
        var json = Valid(random, assetId);
        var cut = random.Next(0, json.Length - 1);
        return (json[..cut], "application/json", $"JSON cut off after {cut} of {json.Length} bytes");
    }

    private static (byte[], string?, string) UnknownField(Random random, Guid assetId)
    {
        var name = random.Pick(["assetid", "Type ", "priority", "id", "owner", "$type", "__proto__", random.Text(1, 30).Replace("\"", "")]);
        var value = random.Pick(["1", "\"x\"", "null", "[]", "{}", "true"]);
        var json = $"{{\"type\": \"ping\", \"assetId\": \"{assetId}\", \"{name}\": {value}}}";
        return (Encoding.UTF8.GetBytes(json), "application/json", $"an unknown field '{name}'");
    }

    private static (byte[], string?, string) WrongType(Random random, Guid assetId)
    {
        var wrong = random.Pick(["1", "true", "[]", "{}", "1.5", "[\"ping\"]", "{\"$ref\": \"x\"}"]);
        var (type, asset, what) = random.Next(3) switch
        {
            0 => (wrong, $"\"{assetId}\"", $"a type of the wrong JSON type ({wrong})"),
            1 => ("\"ping\"", wrong, $"an assetId of the wrong JSON type ({wrong})"),
            _ => ("\"ping\"", $"\"{random.BadId().Segment}\"", "an assetId that is not a GUID"),
        };
        return (Encoding.UTF8.GetBytes($"{{\"type\": {type}, \"assetId\": {asset}}}"), "application/json", what);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
