using System.Threading.RateLimiting;
using ReviewPanel.Panel;

namespace ReviewPanel.Resilience;

/// <summary>
/// A token bucket that counts like the service: it refills continuously at <c>perWindow</c> per 10-second window up to
/// its capacity (sized by <see cref="SizeFor"/> so that no sliding minute and no 10-second window gets more than the
/// quota), charges each admission up front, and can be
/// corrected afterwards — <see cref="Adjust"/> charges more or gives back (the reply reported other usage than was
/// reserved, or the service rejected the attempt) and <see cref="Observe"/> lowers what it believes is left to what the
/// service says remains (<c>x-ratelimit-remaining-*</c>), so admissions are held until the bucket can have refilled.
/// Waiters are served first come, first served; the balance may go below zero after a correction (a debt that delays
/// the next admission). Time comes from the injected <see cref="TimeProvider"/>, so tests move a fake clock.
/// </summary>
public sealed class QuotaLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _time;
    private readonly EndpointStatus? _status;
    private readonly double _perSecond;
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly ITimer _timer;
    private double _available;
    private long _stamp;
    private bool _disposed;

    /// <param name="kind"><c>RPM</c> or <c>TPM</c>: what progress says is holding the calls.</param>
    public QuotaLimiter(string kind, double perWindow, int capacity, TimeProvider time, EndpointStatus? status = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perWindow, 1);
        Kind = kind;
        Capacity = Math.Max(1, capacity);
        _perSecond = perWindow / Window.TotalSeconds;
        _time = time;
        _status = status;
        _available = Capacity;
        _stamp = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Kind { get; }

    /// <summary>
    /// A bucket for a quota of <paramref name="perMinute"/> that never admits more than the service counts in any
    /// 60-second window (a sliding minute) nor in any 10-second one (Azure evaluates short windows): a bucket of
    /// capacity C refilling at r admits up to C + r·T in T seconds, so a burst the size of one 10-second window
    /// (the obvious choice) lets 1/6 more than the quota through per minute and met a 429 storm behind an Azure-like
    /// proxy. Here C is what one call can need (<paramref name="largestCharge"/>) or 1/200 of the quota, and r is 97%
    /// of the quota less C per minute, never under half of it.
    /// </summary>
    public static (double PerWindow, int Capacity) SizeFor(int perMinute, int largestCharge)
    {
        var capacity = Math.Max(Math.Max(1, largestCharge), (int)Math.Ceiling(perMinute / 200.0));
        var rate = Math.Max(perMinute * 0.5, Math.Min(perMinute * 0.97, perMinute - capacity));
        return (Math.Max(1, rate / 6), capacity);
    }

    /// <summary>The most one admission can be charged (a larger charge is clamped to it, or it could never be admitted).</summary>
    public int Capacity { get; }

    /// <summary>What the bucket holds now (negative: a debt from a correction).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _available;
            }
        }
    }

    /// <summary>Calls waiting for admission.</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Admits a call charged <paramref name="permits"/> as soon as the bucket holds that much and nobody queued earlier.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(int permits, CancellationToken cancellationToken)
    {
        permits = Math.Clamp(permits, 1, Capacity);
        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Refill();
            if (_waiters.Count == 0 && _available >= permits)
            {
                _available -= permits;
                return ValueTask.FromResult<RateLimitLease>(Lease.Granted);
            }
            cancellationToken.ThrowIfCancellationRequested();
            waiter = new Waiter(permits);
            waiter.Node = _waiters.AddLast(waiter);
            _status?.Hold(Kind);
            Schedule();
        }
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        }
        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    /// <summary>Charges <paramref name="permits"/> more (positive) or gives them back (negative), within the capacity.</summary>
    public void Adjust(double permits)
    {
        lock (_gate)
        {
            Refill();
            _available = Math.Min(Capacity, _available - permits);
            GrantWaiting();
        }
    }

    /// <summary>
    /// The service says <paramref name="remaining"/> are left: when that is less than the bucket believes, the bucket
    /// holds only that much, so admissions wait until it can have refilled. A higher count is ignored (the local
    /// count is the one that knows about calls still on their way).
    /// </summary>
    public void Observe(long remaining)
    {
        lock (_gate)
        {
            Refill();
            if (remaining < _available)
            {
                _available = Math.Max(0, remaining);
                Schedule();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var waiter in _waiters)
            {
                _status?.Release(Kind);
                waiter.Registration.Dispose();
                waiter.Completion.TrySetResult(Lease.Refused);
            }
            _waiters.Clear();
        }
        _timer.Dispose();
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_stamp, now).TotalSeconds;
        _stamp = now;
        if (elapsed > 0)
        {
            _available = Math.Min(Capacity, _available + (elapsed * _perSecond));
        }
    }

    private void Wake()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            Refill();
            GrantWaiting();
        }
    }

    // Under the lock: admit from the head while the bucket holds enough, then wake again when the next head can fit.
    private void GrantWaiting()
    {
        while (_waiters.First is { } first && _available >= first.Value.Permits)
        {
            var waiter = first.Value;
            _waiters.RemoveFirst();
            _available -= waiter.Permits;
            _status?.Release(Kind);
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(Lease.Granted);
        }
        Schedule();
    }

    private void Schedule()
    {
        if (_waiters.First is not { } head)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var seconds = Math.Max(0, head.Value.Permits - _available) / _perSecond;
        // Rounded up to the next millisecond, so the wake-up finds the bucket full enough rather than a hair short.
        _timer.Change(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(seconds * 1000))), Timeout.InfiniteTimeSpan);
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return; // already admitted
            }
            _waiters.Remove(waiter.Node);
            _status?.Release(Kind);
            // The next caller may fit now that the head left.
            GrantWaiting();
        }
        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;
        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter>? Node { get; set; }
        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
