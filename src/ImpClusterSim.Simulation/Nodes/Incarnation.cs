using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Simulation.Nodes;

/// <summary>
/// One life of a node, from start to crash or stop. The ports an incarnation hands its actors go dead with it: after a
/// crash, whatever the dying ActorSystem still runs can no longer write to disk, send or trace. That is what makes a
/// crash lose all volatile state at once and nothing durable half-way.
/// </summary>
internal sealed class Incarnation(int number)
{
    public int Number { get; } = number;

    public bool Alive { get; private set; } = true;

    public void End() => Alive = false;

    public IDurableStore Guard(IDurableStore disk) => new GuardedDisk(this, disk);

    public INodeNetwork Guard(INodeNetwork network) => new GuardedNetwork(this, network);

    public ITraceSink Guard(ITraceSink trace) => new GuardedTrace(this, trace);

    private sealed class GuardedDisk(Incarnation life, IDurableStore disk) : IDurableStore
    {
        public bool TryGet<T>(string key, out T value) where T : notnull => disk.TryGet(key, out value);

        public void Put<T>(string key, T value) where T : notnull
        {
            if (life.Alive) disk.Put(key, value);
        }

        public bool Delete(string key) => life.Alive && disk.Delete(key);

        public IReadOnlyList<string> Keys(string prefix) => disk.Keys(prefix);
    }

    private sealed class GuardedNetwork(Incarnation life, INodeNetwork network) : INodeNetwork
    {
        public void Send(string fromService, string toNode, string toService, object payload)
        {
            if (life.Alive) network.Send(fromService, toNode, toService, payload);
        }
    }

    private sealed class GuardedTrace(Incarnation life, ITraceSink trace) : ITraceSink
    {
        public void Record(TraceEvent e)
        {
            if (life.Alive) trace.Record(e);
        }
    }
}

/// <summary>A node's own clock: the run's virtual time plus the node's skew (a fault).</summary>
internal sealed class SkewedClock(Kernel.VirtualClock clock, SimNode node) : INodeClock
{
    public SimInstant Now => clock.Now + node.Skew;
}

/// <summary>The run's virtual time, unskewed: what the trace and the people watching read.</summary>
internal sealed class RunClock(Kernel.VirtualClock clock) : INodeClock
{
    public SimInstant Now => clock.Now;
}
