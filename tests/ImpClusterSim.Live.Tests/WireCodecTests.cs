using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit2;
using ImpClusterSim.Live;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Network;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Skeleton;
using ImpClusterSim.Node.Wire;

namespace ImpClusterSim.Live.Tests;

public sealed class WireCodecTests
{
    /// <summary>One value of every registered type, with every field set to something other than its default.</summary>
    public static IEnumerable<object[]> Samples() => new object[]
    {
        new NetworkEnvelope("imp-a-pub", "Cisco Intercluster Sync Agent", "Cisco Tomcat", new PeerSyncRequest("imp-a", 7)),
        new ReplicationPing(3), new ReplicationPong(4), new PeerSyncRequest("imp-b", 9), new PeerSyncResponse("imp-c", 11),
        new PresenceUpdate("user1@imp-a-pub", 12), PeerSyncLedger.Empty.Count("imp-b-pub").Count("imp-c-pub"),
        new StartServices(1_700_000_000_000), new GetNodeStatus(), new NodeStatusReport("n", "c", 2, 3, 4, 5, 6, 7),
        new PullTrace(42), new TraceBatch(43, [new TraceLine(1, "n", "/user/node", "peer-status", [KeyValuePair.Create("peer", "p"), KeyValuePair.Create("status", "Connected")])]) { Incarnation = 2, Counts = new NetworkCounts(5, 4, 3, 1) },
        new SetLinkRules(new LinkRules([new LinkCut("a|b", ["a1", "a2"], ["b1"], true)], 0.25, 150)),
        new SetSkew(-600_000_000), new ReadDurable("icsa/ledger"), new DurableValue("icsa/ledger", new IncarnationRecord(3)), new DurableValue("x", null),
        new UploadProbe("cert-1", [1, 2, 3]), new UploadAcknowledged("cert-1"), new ListUploads(), new UploadList(["a", "b"], 1),
        new StoredUpload("cert-1", [1, 2], [3, 4]), new ShutdownNode(), new ControlAck("ok"), new IncarnationRecord(5),
        new PlayStep(3, "imp-a-pub"), new StepPlayed([new RunRecord("imp-a-pub", "add-peer", [KeyValuePair.Create("result", "accepted")])]), new StepPlayed([]),
        new ProbeCondition(7, "imp-b-pub"), new ConditionObserved(false, "peer status was 'Not reachable'"),
        new RunCli("imp-a-pub", "utils service list"), new CliOutput(true, "Cisco Tomcat[STARTED]\n"), new ListMembers(),
        new MemberList(["imp-a-pub", "imp-b-pub"], ["akka.tcp://impsim@127.0.0.1:25521", "akka.tcp://impsim@127.0.0.1:25522"]),
    }.Select(o => new[] { o });

    /// <summary>
    /// The skeleton's and the control protocol's codecs have a hand-made sample here; the platform's codecs
    /// (<c>ImpClusterSim.Node.Wire.Platform</c>) are exercised with real certificates and state by every scenario file
    /// (<c>PlatformWireTests</c> in the scenario tests).
    /// </summary>
    [Fact]
    public void Every_skeleton_and_control_type_has_a_sample()
    {
        var sampled = Samples().Select(s => s[0].GetType()).ToHashSet();
        Assert.DoesNotContain(NodeCodecs.Skeleton.Concat(LiveCodecs.Control).Select(c => c.Type), t => !sampled.Contains(t));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_message_round_trips_through_its_codec_with_every_field(object message)
    {
        var registry = LiveCodecs.Registry;
        var back = registry.FromBytes(registry.ToBytes(message), registry.ManifestOf(message.GetType()));
        // Records compare by value except for collections: compare their re-encoding, which covers every field.
        Assert.Equal(message.GetType(), back.GetType());
        Assert.Equal(registry.ToBytes(message), registry.ToBytes(back));
        Assert.Equal(registry.ManifestOf(message.GetType()), registry.ManifestOf(back.GetType()));
    }

    [Fact]
    public void Manifests_carry_the_codec_name_and_version()
    {
        Assert.Equal("peer-sync-request.v1", NodeCodecs.Registry.ManifestOf(typeof(PeerSyncRequest)));
    }

    [Fact]
    public void Bytes_from_a_newer_version_an_unknown_codec_or_cut_short_are_refused_with_a_reason()
    {
        var registry = NodeCodecs.Registry;
        var bytes = registry.ToBytes(new PeerSyncRequest("imp-a", 1));
        Assert.Contains("newer program", Assert.Throws<WireFormatException>(() => registry.FromBytes(bytes, "peer-sync-request.v2")).Message);
        Assert.Contains("no codec named 'mystery'", Assert.Throws<WireFormatException>(() => registry.FromBytes(bytes, "mystery.v1")).Message);
        Assert.Contains("not a manifest", Assert.Throws<WireFormatException>(() => registry.FromBytes(bytes, "peer-sync-request")).Message);
        Assert.Throws<WireFormatException>(() => registry.FromBytes(bytes.AsSpan(0, bytes.Length - 3), "peer-sync-request.v1"));
        Assert.Contains("left over", Assert.Throws<WireFormatException>(() => registry.FromBytes([.. bytes, 0], "peer-sync-request.v1")).Message);
    }

    [Fact]
    public void A_trace_batch_of_version_1_reads_with_no_incarnation_and_no_message_counts()
    {
        var registry = LiveCodecs.Registry;
        var batch = new TraceBatch(9, [new TraceLine(1, "n", "/", "e", [])]) { Incarnation = 3, Counts = new NetworkCounts(7, 6, 2, 1) };
        var bytes = registry.ToBytes(batch);
        Assert.Equal("trace-batch.v2", registry.ManifestOf(typeof(TraceBatch)));
        // Version 1 ended after the lines: the five longs of version 2 (incarnation and counts) are not there.
        var old = (TraceBatch)registry.FromBytes(bytes.AsSpan(0, bytes.Length - 5 * sizeof(long)), "trace-batch.v1");
        Assert.Equal((9L, 1, 0L, NetworkCounts.None), (old.Next, old.Lines.Count, old.Incarnation, old.Counts));
        var back = (TraceBatch)registry.FromBytes(bytes, "trace-batch.v2");
        Assert.Equal((3L, new NetworkCounts(7, 6, 2, 1), 3L), (back.Incarnation, back.Counts, back.Counts.Dropped));
    }

    [Fact]
    public void A_huge_length_in_corrupt_bytes_fails_without_allocating_it()
    {
        var bytes = new byte[] { 0xff, 0xff, 0xff, 0x7f, 1, 2 };
        Assert.Contains("corrupt or truncated", Assert.Throws<WireFormatException>(() => NodeCodecs.Registry.FromBytes(bytes, "presence-update.v1")).Message);
    }

    [Fact]
    public void A_payload_without_a_codec_cannot_be_sent_between_processes()
    {
        var e = Assert.Throws<WireFormatException>(() => NodeCodecs.Registry.ToBytes(new NetworkEnvelope("a", "s", "t", new Uri("http://x"))));
        Assert.Contains("System.Uri", e.Message);
    }
}

/// <summary>The skeleton's messages cross Akka's serialization (serialize-messages = on) through the node serializer.</summary>
public sealed class SerializeMessagesTests() : TestKit(ConfigurationFactory.ParseString("akka.actor.serialize-messages = on")
    .WithFallback(ConfigurationFactory.ParseString(WireHocon.Bindings(typeof(NodeWireSerializer), NodeWireSerializer.SerializerId, NodeCodecs.Registry))))
{
    [Fact]
    public void Skeleton_messages_arrive_whole_after_serialization()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        var envelope = new NetworkEnvelope("imp-a-pub", "Cisco Intercluster Sync Agent", "Cisco Tomcat", new PeerSyncRequest("imp-a", 7));
        echo.Tell(envelope, TestActor);
        var back = ExpectMsg<NetworkEnvelope>();
        Assert.NotSame(envelope, back);
        Assert.Equal(envelope, back);
        Assert.IsType<NodeWireSerializer>(Sys.Serialization.FindSerializerFor(envelope));
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }
}
