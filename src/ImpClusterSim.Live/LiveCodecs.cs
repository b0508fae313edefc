using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Network;
using ImpClusterSim.Node.Wire;

namespace ImpClusterSim.Live;

/// <summary>The node codecs (<see cref="NodeCodecs"/>) plus those of the coordinator's control protocol. Version 1 each.</summary>
public static class LiveCodecs
{
    public static IReadOnlyList<IWireCodec> Control { get; } =
    [
        new WireCodec<StartServices>("start-services", 1, (w, m) => w.Long(m.EpochUnixMs), (r, _) => new StartServices(r.Long())),
        new WireCodec<GetNodeStatus>("get-node-status", 1, (_, _) => { }, (_, _) => new GetNodeStatus()),
        new WireCodec<NodeStatusReport>("node-status", 1,
            (w, m) => w.String(m.Node).String(m.Cluster).Long(m.Incarnation).Long(m.ClockTicks).Long(m.SkewTicks).Long(m.Sent).Long(m.Dropped).Long(m.DurableWrites),
            (r, _) => new NodeStatusReport(r.String(), r.String(), r.Long(), r.Long(), r.Long(), r.Long(), r.Long(), r.Long())),
        new WireCodec<PullTrace>("pull-trace", 1, (w, m) => w.Long(m.After), (r, _) => new PullTrace(r.Long())),
        // Version 2 adds the incarnation and the network counts; a version 1 batch reads with none.
        new WireCodec<TraceBatch>("trace-batch", 2,
            (w, m) => w.Long(m.Next).List(m.Lines, (w2, l) => w2.Long(l.TimeTicks).String(l.Node).String(l.Path).String(l.Event)
                    .List(l.Details, (w3, d) => w3.String(d.Key).String(d.Value)))
                .Long(m.Incarnation).Long(m.Counts.Sent).Long(m.Counts.Delivered).Long(m.Counts.DroppedByFault).Long(m.Counts.DroppedUnreachable),
            (r, version) =>
            {
                var batch = new TraceBatch(r.Long(), r.List(r2 => new TraceLine(r2.Long(), r2.String(), r2.String(), r2.String(),
                    r2.List(r3 => KeyValuePair.Create(r3.String(), r3.String())))));
                return version < 2 ? batch : batch with { Incarnation = r.Long(), Counts = new NetworkCounts(r.Long(), r.Long(), r.Long(), r.Long()) };
            }),
        new WireCodec<SetLinkRules>("set-link-rules", 1,
            (w, m) => w.List(m.Rules.Cuts, (w2, c) => w2.String(c.Id).List(c.From, (w3, n) => w3.String(n)).List(c.To, (w3, n) => w3.String(n)).Bool(c.BothWays))
                .Double(m.Rules.Loss).Long(m.Rules.LatencyVirtualMs),
            (r, _) => new SetLinkRules(new LinkRules(
                r.List(r2 => new LinkCut(r2.String(), r2.List(r3 => r3.String()), r2.List(r3 => r3.String()), r2.Bool())), r.Double(), r.Long()))),
        new WireCodec<SetSkew>("set-skew", 1, (w, m) => w.Long(m.SkewTicks), (r, _) => new SetSkew(r.Long())),
        new WireCodec<ReadDurable>("read-durable", 1, (w, m) => w.String(m.Key), (r, _) => new ReadDurable(r.String())),
        new WireCodec<DurableValue>("durable-value", 1,
            (w, m) =>
            {
                w.String(m.Key).Bool(m.Value is not null);
                if (m.Value is not null) w.Any(m.Value);
            },
            (r, _) => new DurableValue(r.String(), r.Bool() ? r.Any() : null)),
        new WireCodec<UploadProbe>("upload-probe", 1, (w, m) => w.String(m.Name).Bytes(m.Content), (r, _) => new UploadProbe(r.String(), r.Bytes())),
        new WireCodec<UploadAcknowledged>("upload-acknowledged", 1, (w, m) => w.String(m.Name), (r, _) => new UploadAcknowledged(r.String())),
        new WireCodec<ListUploads>("list-uploads", 1, (_, _) => { }, (_, _) => new ListUploads()),
        new WireCodec<UploadList>("upload-list", 1,
            (w, m) => w.List(m.Intact, (w2, n) => w2.String(n)).Int(m.Damaged),
            (r, _) => new UploadList(r.List(r2 => r2.String()), r.Int())),
        new WireCodec<StoredUpload>("stored-upload", 1,
            (w, m) => w.String(m.Name).Bytes(m.Content).Bytes(m.Sha256),
            (r, _) => new StoredUpload(r.String(), r.Bytes(), r.Bytes())),
        new WireCodec<ShutdownNode>("shutdown-node", 1, (_, _) => { }, (_, _) => new ShutdownNode()),
        new WireCodec<ControlAck>("control-ack", 1, (w, m) => w.String(m.What), (r, _) => new ControlAck(r.String())),
        new WireCodec<PlayStep>("play-step", 1, (w, m) => w.Int(m.Step).String(m.Node), (r, _) => new PlayStep(r.Int(), r.String())),
        new WireCodec<StepPlayed>("step-played", 1,
            (w, m) => w.List(m.Records, (w2, e) => w2.String(e.Node).String(e.Event).List(e.Details, (w3, d) => w3.String(d.Key).String(d.Value))),
            (r, _) => new StepPlayed(r.List(r2 => new RunRecord(r2.String(), r2.String(), r2.List(r3 => KeyValuePair.Create(r3.String(), r3.String())))))),
        new WireCodec<ProbeCondition>("probe-condition", 1, (w, m) => w.Int(m.Condition).String(m.Node), (r, _) => new ProbeCondition(r.Int(), r.String())),
        new WireCodec<ConditionObserved>("condition-observed", 1, (w, m) => w.Bool(m.Holds).String(m.Seen), (r, _) => new ConditionObserved(r.Bool(), r.String())),
        new WireCodec<RunCli>("run-cli", 1, (w, m) => w.String(m.Node).String(m.Line), (r, _) => new RunCli(r.String(), r.String())),
        new WireCodec<CliOutput>("cli-output", 1, (w, m) => w.Bool(m.Answered).String(m.Output), (r, _) => new CliOutput(r.Bool(), r.String())),
        new WireCodec<ListMembers>("list-members", 1, (_, _) => { }, (_, _) => new ListMembers()),
        new WireCodec<MemberList>("member-list", 1,
            (w, m) => w.List(m.Nodes, (w2, n) => w2.String(n)).List(m.Addresses, (w2, a) => w2.String(a)),
            (r, _) => new MemberList(r.List(r2 => r2.String()), r.List(r2 => r2.String()))),
        new WireCodec<IncarnationRecord>("incarnation", 1, (w, m) => w.Long(m.Number), (r, _) => new IncarnationRecord(r.Long())),
    ];

    public static CodecRegistry Registry { get; } = NodeCodecs.Registry.With(Control);
}

/// <summary>The serializer of live processes: node messages and control messages, by their explicit codecs.</summary>
public sealed class LiveWireSerializer(Akka.Actor.ExtendedActorSystem system) : WireSerializer(system, LiveCodecs.Registry)
{
    public const int SerializerId = 4152;

    public override int Identifier => SerializerId;
}

/// <summary>How many times this node has started, kept in its SQLite file (key <c>live/incarnation</c>).</summary>
public sealed record IncarnationRecord(long Number)
{
    public const string Key = "live/incarnation";
}
