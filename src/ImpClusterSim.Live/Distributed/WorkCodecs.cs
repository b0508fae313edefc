using System.Collections.Immutable;
using Akka.Actor;
using Akka.Actor.Setup;
using ImpClusterSim.Node.Wire;

namespace ImpClusterSim.Live.Distributed;

/// <summary>
/// The codecs of the work protocol (the messages of WorkProtocol.cs), version 1 each. A lease's items travel as
/// ranges (first, count), so a lease of 500 consecutive seeds is a few bytes. The result inside an
/// <see cref="ItemResult"/> is a nested value of whatever codec the plan registers (<see cref="WorkRegistrySetup"/>).
/// </summary>
public static class WorkCodecs
{
    public static IReadOnlyList<IWireCodec> Protocol { get; } =
    [
        new WireCodec<JobSpec>("work-job", 1,
            (w, m) => w.String(m.Kind).String(m.File).NullableString(m.BaseDirectory).String(m.Yaml)
                .List(m.Parameters, (w2, p) => w2.String(p.Key).String(p.Value)).Int(m.Items),
            (r, _) => new JobSpec(r.String(), r.String(), r.NullableString(), r.String(),
                [.. r.List(r2 => KeyValuePair.Create(r2.String(), r2.String()))], r.Int())),
        new WireCodec<RegisterWorker>("work-register", 1, (w, m) => w.String(m.Worker).String(m.Build).Int(m.Jobs),
            (r, _) => new RegisterWorker(r.String(), r.String(), r.Int())),
        new WireCodec<JobOffer>("work-offer", 1, (w, m) => w.Int(m.Job).Any(m.Spec).String(m.Build).String(m.ScenarioHash),
            (r, _) => new JobOffer(r.Int(), (JobSpec)r.Any(), r.String(), r.String())),
        new WireCodec<WorkerRefused>("work-refused", 1, (w, m) => w.String(m.Reason), (r, _) => new WorkerRefused(r.String())),
        new WireCodec<JobNotLoaded>("work-not-loaded", 1, (w, m) => w.String(m.Reason), (r, _) => new JobNotLoaded(r.String())),
        new WireCodec<RequestLease>("work-request", 1, (w, m) => w.Int(m.Job).String(m.ScenarioHash).Int(m.Wanted),
            (r, _) => new RequestLease(r.Int(), r.String(), r.Int())),
        new WireCodec<LeaseGranted>("work-lease", 1,
            (w, m) => w.Int(m.Job).Long(m.Lease).List(Ranges(m.Items), (w2, x) => w2.Int(x.First).Int(x.Count)),
            (r, _) => new LeaseGranted(r.Int(), r.Long(), Items(r.List(r2 => (First: r2.Int(), Count: r2.Int()))))),
        new WireCodec<NoLeaseNow>("work-none", 1, (w, m) => w.Int(m.Job).Bool(m.Finished), (r, _) => new NoLeaseNow(r.Int(), r.Bool())),
        new WireCodec<ItemResult>("work-result", 1,
            (w, m) => w.Int(m.Job).Long(m.Lease).Int(m.Item).String(m.Build).String(m.ScenarioHash).Any(m.Result),
            (r, _) => new ItemResult(r.Int(), r.Long(), r.Int(), r.String(), r.String(), r.Any())),
        new WireCodec<ItemError>("work-error", 1, (w, m) => w.Int(m.Job).Long(m.Lease).Int(m.Item).String(m.Message),
            (r, _) => new ItemError(r.Int(), r.Long(), r.Int(), r.String())),
        new WireCodec<WorkerAlive>("work-alive", 1, (w, m) => w.Int(m.Pending), (r, _) => new WorkerAlive(r.Int())),
        new WireCodec<JobFinished>("work-finished", 1, (w, m) => w.String(m.Reason), (r, _) => new JobFinished(r.String())),
    ];

    /// <summary>Consecutive runs of <paramref name="items"/> (in the order given) as (first, count).</summary>
    public static IReadOnlyList<(int First, int Count)> Ranges(IReadOnlyList<int> items)
    {
        var ranges = new List<(int First, int Count)>();
        foreach (var i in items)
        {
            if (ranges.Count > 0 && ranges[^1].First + ranges[^1].Count == i) ranges[^1] = (ranges[^1].First, ranges[^1].Count + 1);
            else ranges.Add((i, 1));
        }

        return ranges;
    }

    private static ImmutableArray<int> Items(IReadOnlyList<(int First, int Count)> ranges)
    {
        if (ranges.Any(r => r.Count < 1 || r.First < 0) || ranges.Sum(r => (long)r.Count) > 1_000_000)
            throw new WireFormatException("work-lease: a range is empty, negative or the lease is larger than a million items");
        return [.. ranges.SelectMany(r => Enumerable.Range(r.First, r.Count))];
    }
}

/// <summary>
/// The codecs a distributed command's host system serializes with: the work protocol plus the plan's result types.
/// Handed to <see cref="WorkWireSerializer"/> through the actor system's setup, since Akka creates serializers itself.
/// </summary>
public sealed class WorkRegistrySetup(IEnumerable<IWireCodec> results) : Setup
{
    public CodecRegistry Registry { get; } = new CodecRegistry(WorkCodecs.Protocol.Concat(results));
}

/// <summary>The serializer of the work protocol and its results (manifest <c>name.vN</c>, explicit fields).</summary>
public sealed class WorkWireSerializer(ExtendedActorSystem system)
    : WireSerializer(system, system.Settings.Setup.Get<WorkRegistrySetup>().Value?.Registry
                             ?? throw new InvalidOperationException("a distributed host system needs a WorkRegistrySetup"))
{
    public const int SerializerId = 4153;

    public override int Identifier => SerializerId;
}
