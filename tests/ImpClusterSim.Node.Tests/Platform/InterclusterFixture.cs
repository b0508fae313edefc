using Akka.Actor;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>The lab with the two IM&amp;P clusters peered over TLS, and helpers to drive and observe the agent.</summary>
internal sealed class InterclusterFixture : IDisposable
{
    public const string A = "imp-a-pub";
    public const string B = "imp-b-pub";
    public const string AAddress = "imp-a-pub.example.com";
    public const string BAddress = "imp-b-pub.example.com";

    public InterclusterFixture(ulong seed = 1)
    {
        Run = PlatformFixture.Lab(seed);
        Run.RunFor(TimeSpan.FromMinutes(15));
    }

    public SimulationRun Run { get; }

    public void Dispose() => Run.Dispose();

    public AdminReply Do(string node, Func<IActorRef, object> op) => Run.Operator.Request<AdminReply>(node, op, TimeSpan.FromMinutes(1))!;

    public AdminReply Intercluster(string node, IcsaCommand command) => Do(node, r => new InterclusterOperation(command, r));

    public static InterclusterPeer PeerEntry(string address) =>
        new(address, InterclusterApplicationUser.Username, InterclusterApplicationUser.Password, PeerProtocol.Tls);

    /// <summary>Both publishers configure each other, then the run goes on until the first syncs are done.</summary>
    public void PeerBothWays()
    {
        Assert.True(Intercluster(A, new AddPeer(PeerEntry(BAddress))).Accepted);
        Assert.True(Intercluster(B, new AddPeer(PeerEntry(AAddress))).Accepted);
        Run.RunFor(TimeSpan.FromMinutes(7));
    }

    public PeerStatusSnapshot Status(string node) => Run.Operator.Request<PeerStatusSnapshot>(node, r => new QueryPeerStatus(r))!;

    /// <summary>What the agent knows now (not the panel).</summary>
    public PeerStatusKind Agent(string node, string peer) => Status(node).States.Single(s => s.PeerAddress == peer).Status.Kind;

    /// <summary>What the panel shows now.</summary>
    public string Panel(string node, string peer) => Status(node).Panel.RowFor(peer)!.CertificateStatus.Text;

    public bool Trusts(string node, string store, string cn) =>
        Run.Operator.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))!.Certificates
            .TrustCertificates(store).Any(t => t.Certificate.SubjectCommonName == cn);

    public string Cli(string node, string line) => Run.Operator.Request<CliReply>(node, r => new CliRequest(line, r))!.Output;

    public void Restart(string node, string service, TimeSpan settle)
    {
        Cli(node, "utils service restart " + service);
        Run.RunFor(settle);
    }
}
