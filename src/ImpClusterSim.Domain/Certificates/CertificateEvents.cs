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

public sealed record TrustCertificateAdded(string Store, TrustCertificate Entry, ImmutableArray<string> ServicesToRestart)
    : CertificateEvent(ServicesToRestart);

public sealed record TrustCertificateRemoved(string Store, string FileName, ImmutableArray<string> ServicesToRestart)
    : CertificateEvent(ServicesToRestart);

public sealed record OwnCertificateChanged(CertificateUnit Unit, Certificate Certificate, ImmutableArray<string> ServicesToRestart)
    : CertificateEvent(ServicesToRestart);
