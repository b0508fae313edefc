using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// What changed on a node's certificates, for the actor: trust changes to replicate in the cluster
/// (<see cref="TrustCertificateAdded"/>, <see cref="TrustCertificateRemoved"/>) and own-certificate changes whose
/// presenting services must restart to use them (<see cref="OwnCertificateChanged"/>). <see cref="ServicesToRestart"/>
/// lists plain service names (domain facts §3.1.3; <see cref="RestartAdvice"/>).
/// </summary>
public abstract record CertificateEvent(ImmutableArray<string> ServicesToRestart);

/// <summary>A CA certificate added to trust store <c>Store</c> (e.g. tomcat-trust) as <c>Entry</c>; replicated to the cluster's other nodes.</summary>
public sealed record TrustCertificateAdded(string Store, TrustCertificate Entry, ImmutableArray<string> ServicesToRestart)
    : CertificateEvent(ServicesToRestart);

/// <summary>The certificate listed as <c>FileName</c> (e.g. <c>Example_Corp_Root_CA.pem</c>) removed from trust store <c>Store</c>.</summary>
public sealed record TrustCertificateRemoved(string Store, string FileName, ImmutableArray<string> ServicesToRestart)
    : CertificateEvent(ServicesToRestart);

/// <summary>The node's own certificate of <c>Unit</c> replaced by <c>Certificate</c> (uploaded CA-signed, regenerated); peers see it once the presenting service restarts (docs/model.md).</summary>
public sealed record OwnCertificateChanged(CertificateUnit Unit, Certificate Certificate, ImmutableArray<string> ServicesToRestart)
    : CertificateEvent(ServicesToRestart);

/// <summary>
/// A trust certificate deleted on one node only (<paramref name="Node"/>), as before release 11.0 (IM&amp;P 9.0(1)):
/// the other nodes keep their copies, and the node's Cisco Certificate Change Notification service copies the
/// certificate back while another node of the cluster still holds it (Cisco TAC document 211300, "Enhancement in
/// Security Certificate Management"; docs/certificates.md "Deleting a trust certificate"). It replicates like the other
/// trust changes so that every node's database knows who deleted what; it is applied on <paramref name="Node"/> only.
/// </summary>
public sealed record TrustCertificateDeletedOnNode(string Store, string FileName, string Node, ImmutableArray<string> ServicesToRestart)
    : CertificateEvent(ServicesToRestart);
