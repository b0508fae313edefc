using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Fips;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Node.Services;
using ImpClusterSim.Pki;
using static ImpClusterSim.Node.Tests.Platform.InterclusterFixture;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>
/// Crash safety at the boundaries between the node's actors: what one actor decides and another keeps is written in
/// one put, or reconciled at the next boot, so no crash instant finds half of a change.
/// </summary>
public sealed class DurableBoundaryTests : IDisposable
{
    private readonly InterclusterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Every_database_write_that_shows_a_peer_secure_holds_the_certificate_the_agent_took_from_it()
    {
        var checkedWrites = 0;
        var broken = new List<string>();
        _f.Run["imp-a-pub"].Disk.Written += (key, value) =>
        {
            if (value is not NodeDatabaseState { Icsa: { } agent } state) return;
            var trust = state.Certificates.GetTrustStore(TrustStoreNames.TomcatTrust);
            foreach (var peer in agent.States.Values.Where(p => p.Status.Kind == PeerStatusKind.Secure))
            {
                checkedWrites++;
                if (peer.KnownTomcatCertificate is not { } known || !trust.Contains(known))
                    broken.Add($"write {key}: {peer.PeerAddress} secure without its Tomcat certificate in tomcat-trust");
            }
        };
        _f.PeerBothWays();
        Assert.Equal(PeerStatusKind.Secure, _f.Agent(A, BAddress));
        Assert.True(checkedWrites > 0, "no write showed a secure peer");
        Assert.Empty(broken);
    }

    [Fact]
    public void An_acknowledged_peer_entry_survives_a_crash()
    {
        Assert.True(_f.Intercluster(A, new AddPeer(PeerEntry(BAddress))).Accepted);
        _f.Run[A].Crash();
        _f.Run[A].Start();
        _f.Run.RunFor(TimeSpan.FromMinutes(1));
        Assert.Contains(_f.Status(A).States, s => s.PeerAddress == BAddress);
    }

    [Fact]
    public void A_crash_between_the_mode_change_and_the_regeneration_regenerates_at_boot()
    {
        var node = _f.Run["imp-a-sub1"];
        Assert.True(node.Disk.TryGet(NodeDatabaseState.DiskKey, out NodeDatabaseState before));
        node.Crash();
        // The Service Manager's write (FIPS mode on, booted) made it to disk; the database's regeneration did not.
        node.Disk.Put(NodeFipsState.DiskKey, NodeFipsState.Default with
        {
            Fips = FipsNodeState.Default with { Mode = FipsMode.Fips },
        });
        node.Start();
        _f.Run.RunFor(TimeSpan.FromMinutes(20));
        var certificates = _f.Run.Operator.Request<CertificatesSnapshot>("imp-a-sub1", r => new QueryCertificates(r))!.Certificates;
        Assert.True(certificates.Fips);
        Assert.NotEqual(before.Certificates.OwnCertificate(CertificateUnit.Tomcat)!.Certificate,
            certificates.OwnCertificate(CertificateUnit.Tomcat)!.Certificate);
    }
}
