using System.Globalization;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Simulation.Kernel;
using ImpClusterSim.Simulation.Randomness;

namespace ImpClusterSim.Simulation.Network;

/// <summary>
/// The network of a sim run: every cross-node message goes through it. Each send draws its fate (loss, latency,
/// reordering, duplication) from the stream of its directed link (<c>Stream("network", from, to)</c>, so that adding a
/// node never reshuffles other links) and is delivered by a timer on the <see cref="VirtualClock"/>. Partitions are
/// checked at send time and again at delivery time. Every delivery and drop is folded into
/// <see cref="DeliveryDigest"/> instead of being traced one by one. Single-threaded: only the loop thread calls it.
/// </summary>
public sealed class SimulatedNetwork
{
    private readonly VirtualClock _clock;
    private readonly RunRandomness _randomness;
    private readonly ITraceSink _trace;
    private readonly Dictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _incarnations = new(StringComparer.Ordinal);
    // Links by sender, then receiver: string keys with the ordinal comparer hash without randomization (a tuple key
    // would hash both names with the randomized hash at every message).
    private readonly Dictionary<string, Dictionary<string, LinkState>> _links = new(StringComparer.Ordinal);
    private readonly List<Partition> _partitions = []; // in the order they started
    private readonly Dictionary<string, ulong> _nameHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, ulong> _typeHashes = new();
    private long _sent, _delivered, _duplicated, _droppedPartition, _droppedLoss, _droppedNodeDown, _inFlight;

    public SimulatedNetwork(VirtualClock clock, RunRandomness randomness, NetworkModel model, ITraceSink trace, NetworkOptions? options = null)
    {
        _clock = clock;
        _randomness = randomness;
        Model = model;
        _trace = trace;
        Options = options ?? new NetworkOptions();
    }

    public NetworkModel Model { get; }

    public NetworkOptions Options { get; }

    /// <summary>Running 64-bit digest of every delivery and drop: (virtual ticks, from, from-service, to, to-service, payload type, fate).</summary>
    public ulong DeliveryDigest { get; private set; }

    /// <summary><see cref="DeliveryDigest"/> as 16 lowercase hex digits.</summary>
    public string DeliveryDigestHex => DeliveryDigest.ToString("x16", CultureInfo.InvariantCulture);

    public NetworkStats Stats => new(_sent, _delivered, _duplicated, _droppedPartition, _droppedLoss, _droppedNodeDown, _inFlight);

    /// <summary>Partitions in force, in the order they started.</summary>
    public IReadOnlyList<Partition> ActivePartitions => _partitions.ToArray();

    // ---- nodes ----

    /// <summary>Node up: from now on, messages to <paramref name="node"/> are handed to <paramref name="deliver"/>.</summary>
    public void Register(string node, Action<NetworkEnvelope> deliver)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(deliver);
        if (_endpoints.ContainsKey(node)) throw new InvalidOperationException($"node '{node}' is already on the network");
        var incarnation = _incarnations.GetValueOrDefault(node) + 1;
        _incarnations[node] = incarnation;
        _endpoints.Add(node, new Endpoint(deliver, incarnation));
    }

    /// <summary>
    /// Node down or crashed: messages in flight to it, and messages sent to it until it registers again, are dropped
    /// with reason node-down (a restart does not receive what was sent to its previous life). True if it was up.
    /// </summary>
    public bool Unregister(string node) => _endpoints.Remove(node);

    public bool IsUp(string node) => _endpoints.ContainsKey(node);

    /// <summary>The <see cref="INodeNetwork"/> port handed to <paramref name="node"/>'s services.</summary>
    public NodeNetworkPort ForNode(string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        return new NodeNetworkPort(this, node);
    }

    // ---- messages ----

    /// <summary>
    /// Called with every message a node sends, before the network decides its fate (tests watch every payload that
    /// crosses a node boundary, e.g. to prove each has a wire codec for live mode).
    /// </summary>
    public event Action<NetworkEnvelope>? Sent;

    public void Send(string fromNode, string fromService, string toNode, string toService, object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        _sent++;
        var envelope = new NetworkEnvelope(fromNode, fromService, toService, payload);
        Sent?.Invoke(envelope);
        var message = new InFlight(this, envelope, toNode);
        if (IsBlocked(fromNode, toNode))
        {
            Drop(message, DropReason.Partition);
            return;
        }
        if (!_endpoints.TryGetValue(toNode, out var target))
        {
            Drop(message, DropReason.NodeDown);
            return;
        }
        message.Incarnation = target.Incarnation;

        var link = Link(fromNode, toNode);
        var model = link.ModelAt(Model, fromNode, toNode);
        var random = link.Random;
        if (random.Bernoulli(model.LossRate))
        {
            Drop(message, DropReason.Loss);
            return;
        }

        var now = _clock.Now;
        var due = now + model.Latency.Sample(random);
        if (due < link.LastDue) due = link.LastDue; // FIFO: never overtake an earlier message on the same link
        if (random.Bernoulli(model.ReorderRate))
            due += random.NextDuration(model.ReorderDelayMin, model.ReorderDelayMax); // held back; later ones may pass it
        else
            link.LastDue = due;
        ScheduleDelivery(message, due);

        if (random.Bernoulli(model.DuplicationRate))
        {
            _duplicated++;
            ScheduleDelivery(message.Copy(), due + model.Latency.Sample(random));
        }
    }

    // ---- partitions ----

    /// <summary>Starts <paramref name="partition"/> now. Its id must not be in force already.</summary>
    public void StartPartition(Partition partition)
    {
        if (_partitions.Exists(p => p.Id == partition.Id))
            throw new InvalidOperationException($"partition '{partition.Id}' is already in force");
        _partitions.Add(partition);
        TraceEvent("partition-started",
            ("id", partition.Id),
            ("direction", partition.Direction == PartitionDirection.BothWays ? "both-ways" : "one-way"),
            ("side-a", string.Join(',', partition.SideA)),
            ("side-b", string.Join(',', partition.SideB)));
    }

    /// <summary>Starts a partition between two node sets now (see <see cref="Partition"/>).</summary>
    public Partition StartPartition(string id, IEnumerable<string> sideA, IEnumerable<string> sideB, PartitionDirection direction = PartitionDirection.BothWays)
    {
        var partition = new Partition(id, sideA, sideB, direction);
        StartPartition(partition);
        return partition;
    }

    /// <summary>Heals the partition <paramref name="id"/> now; false if none with that id is in force.</summary>
    public bool Heal(string id)
    {
        var index = _partitions.FindIndex(p => p.Id == id);
        if (index < 0) return false;
        _partitions.RemoveAt(index);
        TraceEvent("partition-healed", ("id", id));
        return true;
    }

    /// <summary>Heals every partition in force, in the order they started; returns how many.</summary>
    public int HealAll()
    {
        var ids = _partitions.Select(p => p.Id).ToArray();
        foreach (var id in ids) Heal(id);
        return ids.Length;
    }

    /// <summary>Starts <paramref name="partition"/> at <paramref name="start"/> and, if given, heals it at <paramref name="heal"/>.</summary>
    public void SchedulePartition(Partition partition, SimInstant start, SimInstant? heal = null)
    {
        if (heal is { } h && h < start) throw new ArgumentException("a partition cannot heal before it starts", nameof(heal));
        _clock.Schedule(start, () => StartPartition(partition));
        if (heal is { } at) ScheduleHeal(partition.Id, at);
    }

    public void ScheduleHeal(string id, SimInstant at) => _clock.Schedule(at, () => Heal(id));

    public void ScheduleHealAll(SimInstant at) => _clock.Schedule(at, () => HealAll());

    /// <summary>True if a partition in force drops messages from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool IsBlocked(string from, string to)
    {
        foreach (var p in _partitions)
            if (p.Blocks(from, to)) return true;
        return false;
    }

    // ---- link models ----

    /// <summary>Replaces the model of <paramref name="scope"/> from now on (messages already in flight keep their fate).</summary>
    public void ChangeLinkModel(LinkScope scope, LinkModel model)
    {
        Model.Set(scope, model);
        TraceEvent("link-model-changed", ("scope", scope.Describe()), ("model", model.Describe()));
    }

    /// <summary>Removes the override of <paramref name="scope"/> from now on.</summary>
    public void ClearLinkModel(LinkScope scope)
    {
        if (Model.Clear(scope)) TraceEvent("link-model-cleared", ("scope", scope.Describe()));
    }

    public void ScheduleLinkModelChange(SimInstant at, LinkScope scope, LinkModel model)
    {
        model = model.Validated();
        _clock.Schedule(at, () => ChangeLinkModel(scope, model));
    }

    public void ScheduleLinkModelClear(SimInstant at, LinkScope scope) => _clock.Schedule(at, () => ClearLinkModel(scope));

    /// <summary>Records the counters and the digest as one trace event (e.g. at the end of a run), so the trace hash covers them.</summary>
    public void TraceSummary()
    {
        var s = Stats;
        TraceEvent("network-summary",
            ("sent", Num(s.Sent)), ("delivered", Num(s.Delivered)), ("duplicated", Num(s.Duplicated)),
            ("dropped-partition", Num(s.DroppedByPartition)), ("dropped-loss", Num(s.DroppedByLoss)),
            ("dropped-node-down", Num(s.DroppedNodeDown)), ("in-flight", Num(s.InFlight)),
            ("delivery-digest", DeliveryDigestHex));
    }

    // ---- internals ----

    private LinkState Link(string from, string to)
    {
        if (!_links.TryGetValue(from, out var fromLinks)) _links.Add(from, fromLinks = new Dictionary<string, LinkState>(StringComparer.Ordinal));
        if (!fromLinks.TryGetValue(to, out var link))
        {
            link = new LinkState(_randomness.Stream("network", from, to));
            fromLinks.Add(to, link);
        }
        return link;
    }

    private void ScheduleDelivery(InFlight message, SimInstant due)
    {
        _inFlight++;
        _clock.Schedule(due, message);
    }

    private void Arrive(InFlight message)
    {
        _inFlight--;
        var e = message.Envelope;
        if (IsBlocked(e.FromNode, message.ToNode))
        {
            Drop(message, DropReason.Partition);
            return;
        }
        if (!_endpoints.TryGetValue(message.ToNode, out var target) || target.Incarnation != message.Incarnation)
        {
            Drop(message, DropReason.NodeDown);
            return;
        }
        _delivered++;
        Fold(message, 0);
        if (Options.TraceMessages) TraceMessage("message-delivered", message, null);
        target.Deliver(e);
    }

    private void Drop(InFlight message, DropReason reason)
    {
        switch (reason)
        {
            case DropReason.Partition: _droppedPartition++; break;
            case DropReason.Loss: _droppedLoss++; break;
            default: _droppedNodeDown++; break;
        }
        Fold(message, 1 + (ulong)reason);
        if (Options.TraceMessages) TraceMessage("message-dropped", message, reason);
    }

    private void Fold(InFlight message, ulong fate)
    {
        var e = message.Envelope;
        var d = DeliveryDigest;
        d = StableHash.Combine(d, (ulong)_clock.Now.UtcTicks);
        d = StableHash.Combine(d, NameHash(e.FromNode));
        d = StableHash.Combine(d, NameHash(e.FromService));
        d = StableHash.Combine(d, NameHash(message.ToNode));
        d = StableHash.Combine(d, NameHash(e.ToService));
        d = StableHash.Combine(d, TypeHash(e.Payload.GetType()));
        DeliveryDigest = StableHash.Combine(d, fate);
    }

    // Node, service and payload type names are few and repeat millions of times: hash each once. Lookups only.
    private ulong NameHash(string name)
    {
        if (!_nameHashes.TryGetValue(name, out var h))
        {
            h = StableHash.Of(name);
            _nameHashes.Add(name, h);
        }
        return h;
    }

    private ulong TypeHash(Type type)
    {
        if (!_typeHashes.TryGetValue(type, out var h))
        {
            h = StableHash.Of(type.FullName ?? type.Name);
            _typeHashes.Add(type, h);
        }
        return h;
    }

    private void TraceMessage(string name, InFlight message, DropReason? reason)
    {
        var e = message.Envelope;
        var details = new List<KeyValuePair<string, string>>
        {
            new("from", e.FromNode), new("from-service", e.FromService),
            new("to", message.ToNode), new("to-service", e.ToService),
            new("payload", e.Payload.GetType().Name),
        };
        if (reason is { } r) details.Add(new("reason", ReasonText(r)));
        _trace.Record(new TraceEvent(_clock.Now, Options.TraceNode, Options.TracePath, name, details));
    }

    /// <summary>The reason as written in traces: partition, loss, node-down.</summary>
    public static string ReasonText(DropReason reason) => reason switch
    {
        DropReason.Partition => "partition",
        DropReason.Loss => "loss",
        _ => "node-down",
    };

    private void TraceEvent(string name, params (string Key, string Value)[] details) =>
        _trace.Record(new TraceEvent(_clock.Now, Options.TraceNode, Options.TracePath, name,
            details.Select(d => new KeyValuePair<string, string>(d.Key, d.Value)).ToArray()));

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed record Endpoint(Action<NetworkEnvelope> Deliver, long Incarnation);

    private sealed class LinkState(SeededRandom random)
    {
        public SeededRandom Random { get; } = random;

        /// <summary>Due time of the last in-order delivery scheduled on this link (the FIFO floor).</summary>
        public SimInstant LastDue { get; set; }

        private LinkModel? _model;
        private long _modelVersion = -1;

        /// <summary>The link's model now: read from <paramref name="model"/> again only after it changed.</summary>
        public LinkModel ModelAt(NetworkModel model, string from, string to)
        {
            if (_modelVersion != model.Version)
            {
                _model = model.For(from, to);
                _modelVersion = model.Version;
            }
            return _model!;
        }
    }

    // A message on its way is its own clock item: arriving is its work.
    private sealed class InFlight(SimulatedNetwork network, NetworkEnvelope envelope, string toNode) : ClockItem
    {
        public NetworkEnvelope Envelope { get; } = envelope;
        public string ToNode { get; } = toNode;
        public long Incarnation { get; set; }

        /// <summary>A second copy of the message (duplication): the same envelope, to the same incarnation.</summary>
        public InFlight Copy() => new(network, Envelope, ToNode) { Incarnation = Incarnation };

        protected override void Run() => network.Arrive(this);
    }
}
