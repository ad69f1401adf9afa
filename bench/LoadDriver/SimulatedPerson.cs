using System.Net;

namespace LoadDriver;

/// <summary>One person of the load: their access token for the api, their browser (signed in to web when they use it),
/// and what they have: the assets they uploaded (those known processed apart) and the jobs they created lately.</summary>
internal sealed class SimulatedPerson(string email, HttpClient browser)
{
    private const int RecentJobsKept = 32;
    private readonly List<Guid> _assets = [];
    private readonly List<Guid> _processedAssets = [];
    private readonly Queue<Guid> _recentJobs = new();

    public string Email => email;
    public HttpClient Browser => browser;
    public string AccessToken { get; set; } = "";

    public void AddAsset(Guid id, bool processed)
    {
        lock (_assets)
        {
            _assets.Add(id);
            if (processed)
            {
                _processedAssets.Add(id);
            }
        }
    }

    public void AddJob(Guid id)
    {
        lock (_recentJobs)
        {
            _recentJobs.Enqueue(id);
            if (_recentJobs.Count > RecentJobsKept)
            {
                _recentJobs.Dequeue();
            }
        }
    }

    public Guid AnyAsset(Random random)
    {
        lock (_assets)
        {
            return _assets[random.Next(_assets.Count)];
        }
    }

    /// <summary>An asset known to be processed: its report exists, and a verify-asset job has a checksum to check.</summary>
    public Guid ProcessedAsset(Random random)
    {
        lock (_assets)
        {
            return _processedAssets[random.Next(_processedAssets.Count)];
        }
    }

    public Guid RecentJob(Random random)
    {
        lock (_recentJobs)
        {
            return _recentJobs.ElementAt(random.Next(_recentJobs.Count));
        }
    }

    /// <summary>Person i's own loopback address: 127.1.x.y.</summary>
    public static IPAddress SourceAddressOf(int index) => new([127, 1, (byte)(index / 250), (byte)(1 + index % 250)]);
}
