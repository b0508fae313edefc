using System.Collections.Immutable;

namespace ImpClusterSim.Live.Distributed;

/// <summary>
/// What a distributed command plays (docs/distributed.md): <see cref="Kind"/> names the plan (<c>sweep</c>,
/// <c>chaos</c>, <c>chaos-shrink</c>), the scenario text with the file name and folder it was read as, the plan's
/// parameters (seeds, settings, profile; repeated keys allowed, order kept) and how many items (seeds, or grid points ×
/// seeds, or failures to shrink) it has. Shipped to every worker, which loads it as the coordinator did.
/// </summary>
public sealed record JobSpec(
    string Kind,
    string File,
    string? BaseDirectory,
    string Yaml,
    ImmutableArray<KeyValuePair<string, string>> Parameters,
    int Items)
{
    /// <summary>Every value of <paramref name="key"/>, in order.</summary>
    public IEnumerable<string> All(string key) => Parameters.Where(p => p.Key == key).Select(p => p.Value);

    /// <summary>The one value of <paramref name="key"/>, or <see cref="JobLoadException"/> naming it.</summary>
    public string One(string key) => Parameters.FirstOrDefault(p => p.Key == key).Value ?? throw new JobLoadException($"the job has no '{key}'");
}

/// <summary>A job a worker cannot load (its scenario does not parse there, a file it names is missing, ...).</summary>
public sealed class JobLoadException(string message) : Exception(message);

/// <summary>Worker → coordinator: this worker (its actor path), the build it runs (<see cref="BuildIdentity"/>) and its <c>--jobs</c>.</summary>
public sealed record RegisterWorker(string Worker, string Build, int Jobs);

/// <summary>
/// Coordinator → worker: job number <see cref="Job"/> of the session (a chaos run has two: its seeds, then the
/// shrinking of its failures), the coordinator's build and the scenario hash every result must carry.
/// </summary>
public sealed record JobOffer(int Job, JobSpec Spec, string Build, string ScenarioHash);

/// <summary>Coordinator → worker: not taken, and why (another build, another scenario hash, a job it could not load).</summary>
public sealed record WorkerRefused(string Reason);

/// <summary>Worker → coordinator: the job did not load here (the worker stops).</summary>
public sealed record JobNotLoaded(string Reason);

/// <summary>Worker → coordinator: give me up to <see cref="Wanted"/> items; <see cref="ScenarioHash"/> is the hash of the job as this worker loaded it.</summary>
public sealed record RequestLease(int Job, string ScenarioHash, int Wanted);

/// <summary>Coordinator → worker: a lease of items (seed indexes, in order; usually one range) until the lease times out.</summary>
public sealed record LeaseGranted(int Job, long Lease, ImmutableArray<int> Items);

/// <summary>Coordinator → worker: nothing to lease now (every item is leased or done); ask again later unless <see cref="Finished"/>.</summary>
public sealed record NoLeaseNow(int Job, bool Finished);

/// <summary>
/// Worker → coordinator: one item's compact result (a codec'd value of the plan's result type), with the build and
/// scenario hash of the worker that played it.
/// </summary>
public sealed record ItemResult(int Job, long Lease, int Item, string Build, string ScenarioHash, object Result);

/// <summary>Worker → coordinator: playing an item threw (a defect); the coordinator stops and reports it.</summary>
public sealed record ItemError(int Job, long Lease, int Item, string Message);

/// <summary>Worker → coordinator, every second: still here, with this many items running or queued.</summary>
public sealed record WorkerAlive(int Pending);

/// <summary>Coordinator → worker: the command is over (every job done, stopped early or failed); the worker leaves and exits.</summary>
public sealed record JobFinished(string Reason);
