using System.Collections.Immutable;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// The answer this publisher gives a peer agent's sync (AXL over HTTPS): whether it is accepted (the peer entry, the
/// AXL service, the intercluster application user's credentials: <see cref="InterclusterPeers.Answer"/>), the Tomcat
/// chain presented, the node's FIPS mode and its cluster's tomcat-trust and cup-xmpp-trust as the database holds them
/// now (with router-to-router secure mode, the cluster's cup-xmpp certificates too).
/// </summary>
internal static class AxlAnswer
{
    public static IcsaSyncResponse Compose(NodeSetup setup, NodeDatabaseState db, IcsaSyncRequest request,
        ImmutableArray<Certificate> presentedTomcatChain, bool axlStarted)
    {
        var caller = setup.Deployment.FindNode(request.CallerNode);
        var credentials = request.AxlUsername == InterclusterApplicationUser.Username && request.AxlPassword == InterclusterApplicationUser.Password;
        var reachability = db.Icsa is null || caller is null
            ? PeerReachability.NotConfiguredOnPeer
            : db.Icsa.Peers.Answer(caller, axlStarted, credentials);
        var certs = db.Certificates;
        return new IcsaSyncResponse(
            request.SyncId,
            reachability,
            presentedTomcatChain,
            certs.Fips,
            [.. certs.GetTrustStore(TrustStoreNames.TomcatTrust).Certificates],
            [.. certs.GetTrustStore(TrustStoreNames.CupXmppTrust).Certificates],
            db.Settings.XmppRouterToRouterSecureMode ? ClusterXmppCertificates(setup, certs) : []);
    }

    /// <summary>The cup-xmpp certificates of this cluster's nodes: this node's own and those replicated into cup-xmpp-trust.</summary>
    private static ImmutableArray<Certificate> ClusterXmppCertificates(NodeSetup setup, NodeCertificates certs)
    {
        var fqdns = new HashSet<string>(setup.ClusterPeers.Select(n => n.Fqdn).Append(setup.Node.Fqdn), StringComparer.OrdinalIgnoreCase);
        var own = certs.OwnCertificate(CertificateUnit.CupXmpp)?.Certificate;
        return [.. new[] { own }.OfType<Certificate>()
            .Concat(certs.GetTrustStore(TrustStoreNames.CupXmppTrust).Certificates
                .Where(c => !c.IsCertificateAuthority && fqdns.Contains(c.SubjectCommonName)))
            .Distinct()];
    }
}
