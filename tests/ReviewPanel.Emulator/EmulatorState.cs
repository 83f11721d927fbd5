using System.Collections.Concurrent;

namespace ReviewPanel.Emulator;

/// <summary>Everything that changes while the emulator runs: behaviours and their script queues, counters, the request
/// log and the seeded random. Shared by concurrent requests, so every member is thread-safe.</summary>
internal sealed class EmulatorState(EmulatorOptions options)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Lock _gate = new();
    private readonly Random _random = new(options.Seed ?? Environment.TickCount);
    private readonly Dictionary<string, (DeploymentBehavior Behavior, Queue<EmulatorPolicy> Script)> _deployments = new(StringComparer.Ordinal);
    private readonly List<ReceivedRequest> _requests = [];
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private (DeploymentBehavior Behavior, Queue<EmulatorPolicy> Script) _default = (options.Default, new Queue<EmulatorPolicy>(options.Default.Script));

    public void Configure(string deployment, DeploymentBehavior behavior)
    {
        behavior.Validate();
        lock (_gate)
        {
            _deployments[deployment] = (behavior, new Queue<EmulatorPolicy>(behavior.Script));
        }
    }

    public void ConfigureDefault(DeploymentBehavior behavior)
    {
        behavior.Validate();
        lock (_gate)
        {
            _default = (behavior, new Queue<EmulatorPolicy>(behavior.Script));
        }
    }

    public bool IsConfigured(string deployment)
    {
        lock (_gate)
        {
            return _deployments.ContainsKey(deployment);
        }
    }

    /// <summary>The behaviour for a request and its step: the next scripted one if any (scripted = true), else the policy.</summary>
    public (DeploymentBehavior Behavior, EmulatorPolicy Step, bool Scripted) NextStep(string deployment)
    {
        lock (_gate)
        {
            var (behavior, script) = _deployments.TryGetValue(deployment, out var configured) ? configured : _default;
            return script.TryDequeue(out var step) ? (behavior, step, true) : (behavior, behavior.Policy, false);
        }
    }

    public void Record(ReceivedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public void CountStatus(int status) => _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int RequestCount(string? deployment)
    {
        lock (_gate)
        {
            return deployment is null ? _requests.Count : _requests.Count(r => r.Deployment == deployment);
        }
    }

    public int StatusCount(int status) => _statuses.TryGetValue(status, out var n) ? n : 0;

    public IReadOnlyDictionary<int, int> Statuses => _statuses.ToDictionary();

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _statuses.Clear();
        }
    }

    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }

    public int NextInt(int maxInclusive)
    {
        lock (_gate)
        {
            return _random.Next(maxInclusive + 1);
        }
    }

    public string NextAlphanumeric(int length)
    {
        lock (_gate)
        {
            return string.Create(length, _random, (span, random) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = Alphabet[random.Next(Alphabet.Length)];
                }
            });
        }
    }
}
