using System.CommandLine;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live.Distributed;

namespace ImpClusterSim.Cli.Distributed;

/// <summary>
/// What a command is asked to do across workers (docs/distributed.md): where the coordinator listens, how many local
/// workers to start (null: none, workers join from elsewhere) with how many runs each, the failing seeds after which to
/// stop, the lease timeout and the wait for workers (wall time).
/// </summary>
public sealed record ClusterRequest(HostPort Bind, int? LocalWorkers, int LocalJobs, int? MaxFailures, TimeSpan LeaseTimeout, TimeSpan WorkerWait);

/// <summary>
/// The options that make <c>campaign</c>, <c>chaos</c> and <c>sweep</c> the coordinator of workers: <c>--cluster</c>,
/// <c>--bind HOST:PORT</c>, <c>--local-workers N</c>, <c>--max-failures N</c>, <c>--lease-timeout D</c>,
/// <c>--worker-wait D</c>. One instance per command (System.CommandLine options belong to one command).
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>The coordinator's port when <c>--bind</c> is not given with <c>--cluster</c>.</summary>
    public const int DefaultPort = 25600;

    public const int MaxLocalWorkers = 64;

    private readonly Option<bool> _cluster = new("--cluster") { Description = "Be the coordinator: workers (impsim worker --join HOST:PORT) play the seeds (docs/distributed.md)" };
    private readonly Option<string?> _bind = new("--bind") { Description = $"With --cluster: the HOST:PORT the coordinator listens on and workers join (default 127.0.0.1:{DefaultPort}; with --local-workers alone, a free loopback port)" };
    private readonly Option<int?> _localWorkers = new("--local-workers") { Description = $"Start N worker processes on this machine and play the seeds on them (1 to {MaxLocalWorkers}; implies --cluster)" };
    private readonly Option<int?> _maxFailures = new("--max-failures") { Description = "With --cluster: stop after this many failing seeds" };
    private readonly Option<string?> _leaseTimeout = new("--lease-timeout") { Description = "With --cluster: a worker silent this long loses its leased seeds to the others (default 20s)" };
    private readonly Option<string?> _workerWait = new("--worker-wait") { Description = "With --cluster: how long to wait for a worker to join before giving up (default 60s)" };

    public IEnumerable<Option> All => [_cluster, _bind, _localWorkers, _maxFailures, _leaseTimeout, _workerWait];

    /// <summary>The request, or null for a local run; <see cref="UsageException"/> (exit 2) for a bad value or a cluster option without <c>--cluster</c>.</summary>
    /// <param name="jobs">The command's <c>--jobs</c>: split over the local workers (at least one run each).</param>
    public ClusterRequest? Read(ParseResult parse, int jobs)
    {
        var local = parse.GetValue(_localWorkers);
        var cluster = parse.GetValue(_cluster) || local is not null;
        var bindText = parse.GetValue(_bind);
        var max = parse.GetValue(_maxFailures);
        var lease = parse.GetValue(_leaseTimeout);
        var wait = parse.GetValue(_workerWait);
        if (!cluster)
        {
            var stray = new[] { ("--bind", bindText), ("--max-failures", max?.ToString(CultureInfo.InvariantCulture)), ("--lease-timeout", lease), ("--worker-wait", wait) }
                .FirstOrDefault(o => o.Item2 is not null);
            if (stray.Item1 is not null) throw new UsageException($"{stray.Item1} goes with --cluster or --local-workers");
            return null;
        }

        if (local is { } n && n is < 1 or > MaxLocalWorkers) throw new UsageException($"--local-workers {n} is out of range (1 to {MaxLocalWorkers})");
        if (max is { } m && m < 1) throw new UsageException($"--max-failures {m} is out of range (at least 1)");
        HostPort bind;
        try
        {
            bind = bindText is null
                ? new HostPort("127.0.0.1", local is not null && !parse.GetValue(_cluster) ? 0 : DefaultPort)
                : HostPort.Parse(bindText, "--bind", allowAnyPort: true);
        }
        catch (HostPortException e)
        {
            throw new UsageException(e.Message);
        }

        return new ClusterRequest(bind, local, Math.Max(1, jobs / Math.Max(1, local ?? 1)), max,
            Duration("--lease-timeout", lease, TimeSpan.FromSeconds(20)), Duration("--worker-wait", wait, TimeSpan.FromSeconds(60)));
    }

    private static TimeSpan Duration(string option, string? text, TimeSpan fallback)
    {
        if (text is null) return fallback;
        if (!DurationText.TryParse(text, out var d) || d < TimeSpan.FromSeconds(1) || d > TimeSpan.FromHours(24))
            throw new UsageException($"{option} '{text}' is not a duration from 1s to 24h (write it like 20s or 2m)");
        return d;
    }
}
