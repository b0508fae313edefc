using System.Collections.Immutable;
using ImpClusterSim.Live.Distributed;
using ImpClusterSim.Node.Wire;

namespace ImpClusterSim.Live.Tests.Distributed;

public sealed class WorkCodecTests
{
    private static readonly CodecRegistry Registry = new WorkRegistrySetup([new WireCodec<Sample>("sample", 1, (w, m) => w.String(m.Text), (r, _) => new Sample(r.String()))]).Registry;

    public static TheoryData<object> Messages() =>
    [
        new RegisterWorker("akka.tcp://impsim@127.0.0.1:4001/user/worker", "0.1.0 (build abc)", 2),
        new JobOffer(3, new JobSpec("sweep", "(embedded) x.yaml", null, "name: x\n", [KeyValuePair.Create("seeds", "5"), KeyValuePair.Create("axis", "a=1\u001f2")], 10), "b", "h"),
        new WorkerRefused("another build"),
        new JobNotLoaded("missing topology"),
        new RequestLease(1, "h", 4),
        new LeaseGranted(1, 7, [3, 4, 5, 9, 10, 42]),
        new NoLeaseNow(2, true),
        new ItemResult(1, 7, 4, "b", "h", new Sample("a result")),
        new ItemError(1, 7, 4, "boom"),
        new WorkerAlive(3),
        new JobFinished("done"),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_protocol_message_reads_back_to_the_same_bytes(object message)
    {
        var bytes = Registry.ToBytes(message);
        var back = Registry.FromBytes(bytes, Registry.ManifestOf(message.GetType()));
        Assert.Equal(bytes, Registry.ToBytes(back));
        Assert.Equal(message.GetType(), back.GetType());
    }

    [Fact]
    public void A_lease_of_consecutive_seeds_travels_as_ranges()
    {
        var lease = new LeaseGranted(1, 1, [.. Enumerable.Range(100, 500)]);
        Assert.True(Registry.ToBytes(lease).Length < 40);
        Assert.Equal([(0, 3), (5, 1), (7, 2)], WorkCodecs.Ranges([0, 1, 2, 5, 7, 8]));
        var back = (LeaseGranted)Registry.FromBytes(Registry.ToBytes(lease), Registry.ManifestOf(typeof(LeaseGranted)));
        Assert.Equal(string.Join(",", lease.Items), string.Join(",", back.Items));
    }

    [Fact]
    public void A_malformed_address_is_refused_with_what_is_wrong()
    {
        Assert.Equal(new HostPort("10.0.0.5", 25600), HostPort.Parse("10.0.0.5:25600", "--join", allowAnyPort: false));
        Assert.Equal(new HostPort("::1", 0), HostPort.Parse("[::1]:0", "--bind", allowAnyPort: true));
        Assert.Contains("is not HOST:PORT", Assert.Throws<HostPortException>(() => HostPort.Parse("10.0.0.5", "--join", false)).Message);
        Assert.Contains("from 1 to 65535", Assert.Throws<HostPortException>(() => HostPort.Parse("h:0", "--join", false)).Message);
        Assert.Contains("in brackets", Assert.Throws<HostPortException>(() => HostPort.Parse("::1:80", "--join", false)).Message);
    }

    private sealed record Sample(string Text);
}
