using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Simulation.Kernel;
using ImpClusterSim.Simulation.Network;
using ImpClusterSim.Simulation.Randomness;

namespace ImpClusterSim.Simulation.Tests.Network;

/// <summary>A clock, a network and recording endpoints: the smallest world a network test needs.</summary>
internal sealed class NetworkHarness
{
    public static readonly SimInstant Start = SimInstant.DefaultRunStart;

    public NetworkHarness(LinkModel? link = null, ulong seed = 1, IReadOnlyDictionary<string, string>? clusters = null, NetworkOptions? options = null)
    {
        Clock = new VirtualClock(Start);
        Network = new SimulatedNetwork(Clock, new RunRandomness(seed), new NetworkModel(link ?? Fixed(1), clusters), Trace, options);
    }

    public VirtualClock Clock { get; }
    public SimulatedNetwork Network { get; }
    public RecordingTraceSink Trace { get; } = new();
    public List<Delivery> Deliveries { get; } = [];

    public static LinkModel Fixed(double ms) => new() { Latency = LatencyDistribution.Fixed(TimeSpan.FromMilliseconds(ms)) };

    public NetworkHarness Up(params string[] nodes)
    {
        foreach (var node in nodes) Network.Register(node, e => Deliveries.Add(new Delivery(Clock.Now, e.FromNode, node, e)));
        return this;
    }

    public void Send(string from, string to, object payload) => Network.Send(from, "svc", to, "svc", payload);

    /// <summary>Sends <paramref name="payload"/> at virtual time <paramref name="at"/>.</summary>
    public void SendAt(SimInstant at, string from, string to, object payload) => Clock.Schedule(at, () => Send(from, to, payload));

    public void RunUntil(SimInstant limit)
    {
        while (Clock.FireNext(limit)) { }
    }

    public void RunAll() => RunUntil(new SimInstant(long.MaxValue));

    public IReadOnlyList<object> PayloadsTo(string node) => Deliveries.Where(d => d.To == node).Select(d => d.Envelope.Payload).ToArray();

    public static SimInstant Ms(double ms) => Start + TimeSpan.FromMilliseconds(ms);
}

internal sealed record Delivery(SimInstant At, string From, string To, NetworkEnvelope Envelope);

internal sealed record Numbered(int Seq, SimInstant SentAt);

internal sealed class RecordingTraceSink : ITraceSink
{
    public List<TraceEvent> Events { get; } = [];

    public void Record(TraceEvent e) => Events.Add(e);

    public IReadOnlyList<TraceEvent> Named(string name) => Events.Where(e => e.Event == name).ToArray();
}
