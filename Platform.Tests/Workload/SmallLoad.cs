using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Tests.Workload;

/// <summary>
/// A small steady load on the api while a fault happens: reads at <see cref="TicksPerSecond"/> (lists, assets, and the
/// analytics, which the replica serves), and every fifth tick an upload of a small file (under the api's limit on changes
/// of 60 per 10 s), sent on time whether or not earlier ones were answered (a hung request does not hold the load
/// back). It keeps every answer's status, and the assets accepted.
/// </summary>
public sealed class SmallLoad : IAsyncDisposable
{
    public const int TicksPerSecond = 20;
    private const int TicksPerUpload = 5;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly Workload _workload;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(string Request, int Status)> _answers = new();
    private readonly ConcurrentQueue<Guid> _accepted = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentBag<Task> _requests = [];
    private readonly Task _pacing;

    private SmallLoad(Workload workload)
    {
        _workload = workload;
        _pacing = PaceAsync();
    }

    /// <summary>Assets the api accepted (202).</summary>
    public IReadOnlyCollection<Guid> Accepted => _accepted;

    /// <summary>Every answer: the request and its status code; 0 for none within the timeout.</summary>
    public IReadOnlyCollection<(string Request, int Status)> Answers => _answers;

    public static SmallLoad Start(Workload workload) => new(workload);

    /// <summary>Waits until <paramref name="more"/> uploads beyond those accepted so far have been accepted; a timeout
    /// names the answers the load had (a status count, and the first few refusals' bodies).</summary>
    public async Task WaitForMoreAcceptedAsync(int more, TimeSpan timeout)
    {
        var target = _accepted.Count + more;
        var deadline = DateTime.UtcNow + timeout;
        while (_accepted.Count < target)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{more} more uploads were not accepted within {timeout.TotalSeconds:0} s; answers so far: {Describe()}");
            await Task.Delay(100);
        }
    }

    /// <summary>"status × count" for every status seen, then the first refusals' bodies.</summary>
    public string Describe() =>
        string.Join(", ", _answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}"))
        + (_refusals.IsEmpty ? "" : $"; first refusals: {string.Join(" | ", _refusals)}");

    /// <summary>Stops sending and waits for the answers of what was sent.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _pacing;
        await Task.WhenAll(_requests);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }

    private async Task PaceAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / TicksPerSecond));
        for (var tick = 0; await Tick(timer); tick++)
        {
            _requests.Add(tick % TicksPerUpload == 0 ? UploadAsync(tick) : ReadAsync(tick));
        }
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task UploadAsync(int tick)
    {
        using var content = Workload.Form(Encoding.ASCII.GetBytes($"small load, tick {tick}\n"), $"load-{tick}.txt");
        await SendAsync("POST /api/assets", async cancel =>
        {
            var response = await _workload.Api.PostAsync("/api/assets", content, cancel);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                _accepted.Enqueue((await response.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid());
            }
            return response;
        });
    }

    private Task ReadAsync(int tick)
    {
        var accepted = _accepted.ToArray();
        var path = tick % 4 == 1 ? "/api/analytics/summary"
            : tick % 2 == 0 || accepted.Length == 0 ? "/api/assets?pageSize=5" : $"/api/assets/{accepted[tick % accepted.Length]}";
        return SendAsync($"GET {path}", cancel => _workload.Api.GetAsync(path, cancel));
    }

    private async Task SendAsync(string request, Func<CancellationToken, Task<HttpResponseMessage>> send)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var response = await send(timeout.Token);
            _answers.Enqueue((request, (int)response.StatusCode));
            if (!response.IsSuccessStatusCode && _refusals.Count < 3)
            {
                _refusals.Enqueue($"{request} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            _answers.Enqueue((request, 0));
            if (_refusals.Count < 3)
            {
                _refusals.Enqueue($"{request} no answer: {e.GetType().Name} {e.Message}");
            }
        }
    }
}
