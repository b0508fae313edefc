using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// The outcome of a <see cref="CertificateCommand"/>: the node's certificates afterwards (the same instance when
/// refused: a refused command changes nothing), whether it was accepted, the reply text, the events for the actor,
/// and for a regeneration the warning shown before it runs.
/// </summary>
public sealed record CertificateResult(NodeCertificates State, bool Accepted, string Reply, ImmutableArray<CertificateEvent> Events)
{
    /// <summary>A warning the interface shows before the operation (regeneration: domain facts §3.2.8, §5.5).</summary>
    public string? Warning { get; init; }

    /// <summary>Every service named by the events, once each, in first-mention order.</summary>
    public ImmutableArray<string> ServicesToRestart => [.. Events.SelectMany(e => e.ServicesToRestart).Distinct(StringComparer.Ordinal)];

    public static CertificateResult Refused(NodeCertificates unchanged, string reply) => new(unchanged, false, reply, []);
}
