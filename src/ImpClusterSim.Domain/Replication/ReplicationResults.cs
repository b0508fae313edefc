using System.Collections.Immutable;
using ImpClusterSim.Domain.Certificates;

namespace ImpClusterSim.Domain.Replication;

/// <summary>The log after recording changes, and the changes just appended (to announce to the subscribers).</summary>
public sealed record LogAppend(ClusterTrustLog Log, ImmutableArray<TrustChange> Appended);

/// <summary>
/// The publisher after accepting forwarded changes: the log, its own certificates, what was appended, the events on
/// the publisher's own stores (services to restart), and the acknowledgement to send back to <see cref="OriginNode"/>.
/// </summary>
public sealed record ForwardAccepted(
    ClusterTrustLog Log,
    NodeCertificates Publisher,
    ImmutableArray<TrustChange> Appended,
    ImmutableArray<CertificateEvent> Events,
    string OriginNode,
    long AcknowledgedUpTo);

/// <summary>
/// A replica after applying changes from the log: its progress, its certificates, the events (changes actually
/// applied here), and <see cref="MissingFrom"/> when a gap was found (ask the publisher for the changes after it).
/// </summary>
public sealed record ReplicaCatchUp(
    ReplicaProgress Progress,
    NodeCertificates Node,
    ImmutableArray<CertificateEvent> Events,
    long? MissingFrom);
