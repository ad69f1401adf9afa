using System.Net.Sockets;
using System.Text;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>
/// HTTP/1.1 over a bare socket, for the one case HttpClient cannot send: a body that stops half-way. HttpClient waits for
/// its body to be sent before it reads the answer; here the answer is read while the body is still owed.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string? ContentType, string Body);

    /// <summary>Sends the headers and <paramref name="start"/> of a body declared <paramref name="declaredLength"/> long,
    /// then nothing, and reads the answer until the server closes the connection (or <paramref name="patience"/> is up).</summary>
    public static async Task<Answer> SendStalledAsync(Uri server, string path, IEnumerable<(string Name, string Value)> headers, byte[] start,
        long declaredLength, TimeSpan patience)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Length: {declaredLength}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append($"{name}: {value}\r\n");
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(start);
        await stream.FlushAsync();

        using var timeout = new CancellationTokenSource(patience);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(received.ToArray());
    }

    private static Answer Parse(byte[] response)
    {
        var end = response.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, $"no HTTP answer, only {response.Length} bytes");
        var lines = Encoding.ASCII.GetString(response, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = response[(end + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }
        return new Answer(status, headers.GetValueOrDefault("Content-Type"), Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new List<byte>();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8) + at;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd - at).Split(';')[0], 16);
            if (size == 0)
            {
                return [.. body];
            }
            body.AddRange(chunked.AsSpan(lineEnd + 2, size).ToArray());
            at = lineEnd + 2 + size + 2;
        }
    }
}
