using System.Net;
using System.Text.Json;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>
/// Sends cases one at a time and checks each: never a 5xx; a 4xx that is a ProblemDetails naming the problem (web's
/// pages may instead show it in the page, or send the browser back to the form with it); nothing written. Failures are
/// collected, each with the seed that replays it.
/// </summary>
public sealed class FuzzRunner(Workload workload, int seed, Func<FuzzSender, HttpClient> clientFor)
{
    private readonly List<string> _failures = [];

    /// <summary>The counts after the last case: the next case's "before", unless it needs the objects counted too.</summary>
    private WrittenState? _last;

    public int Sent { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public async Task RunAsync(IEnumerable<FuzzCase> cases)
    {
        foreach (var fuzzCase in cases)
        {
            var before = _last is { } last && (last.Objects is not null || !fuzzCase.CouldWrite) ? last : await WrittenState.CountAsync(workload, fuzzCase.CouldWrite);
            string? failure;
            using (var request = fuzzCase.Build())
            {
                failure = await SendAsync(fuzzCase, request);
            }
            var after = _last = await WrittenState.CountAsync(workload, fuzzCase.CouldWrite);
            if (failure is null && !after.Same(before))
            {
                failure = $"it wrote: before {before}, after {after}";
            }
            if (failure is not null)
            {
                // Counted again before the next case, so that one case's failure is not blamed on the next.
                _last = null;
                _failures.Add($"case {Sent} (seed {seed}), {fuzzCase}: {failure}");
            }
            Sent++;
        }
    }

    public void AssertNoFailures() => Assert.True(_failures.Count == 0,
        $"{_failures.Count} of {Sent} cases failed (replay with PLATFORM_FUZZ_SEED={seed}):{Environment.NewLine}{string.Join(Environment.NewLine, _failures.Take(40))}");

    private async Task<string?> SendAsync(FuzzCase fuzzCase, HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            response = await clientFor(fuzzCase.Sender).SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            return $"no answer: {e.Message}";
        }
        using (response)
        {
            return await CheckAsync(fuzzCase, response);
        }
    }

    /// <summary>What is wrong with the answer, or null.</summary>
    public static async Task<string?> CheckAsync(FuzzCase fuzzCase, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var shown = body.Length > 400 ? body[..400] + "…" : body;
        if (fuzzCase.Sender == FuzzSender.Browser && WebCases.IsSentBackWithReason(response))
        {
            return null;
        }
        if (status is < 400 or >= 500)
        {
            return $"answered {status}: {shown}";
        }
        if (fuzzCase.RefusedByKestrel)
        {
            return status is 400 or 431 ? null : $"answered {status}, where Kestrel refuses with 400 or 431";
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return "rate-limited: the suite's people are too few for its cases";
        }
        if (fuzzCase.Sender == FuzzSender.Browser && response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            return body.Contains("role=\"alert\"", StringComparison.Ordinal) ? null : $"answered {status} with a page that does not say what was wrong";
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"answered {status} as '{response.Content.Headers.ContentType}', not a ProblemDetails: {shown}";
        }
        return NamesTheProblem(status, body) ? null : $"answered {status} with a ProblemDetails that does not say what was wrong: {shown}";
    }

    /// <summary>A title, the right status, and for a 400 (which says nothing by itself) a detail or field errors.</summary>
    private static bool NamesTheProblem(int status, string body)
    {
        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return false;
        }
        var hasTitle = problem.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString());
        var sameStatus = problem.TryGetProperty("status", out var declared) && declared.GetInt32() == status;
        var explained = (problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()))
            || problem.TryGetProperty("errors", out _);
        return hasTitle && sameStatus && (status != 400 || explained);
    }
}
