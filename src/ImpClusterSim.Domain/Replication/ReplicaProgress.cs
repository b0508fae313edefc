using System.Collections.Immutable;
using ImpClusterSim.Domain.Certificates;

namespace ImpClusterSim.Domain.Replication;

/// <summary>
/// A node's side of trust replication: the last log sequence it applied, and its outbox of local trust changes not
/// yet acknowledged by the publisher. A change made on a subscriber applies to its own stores at once and waits in
/// the outbox; the actor forwards the outbox whenever the publisher is reachable (and again until acknowledged),
/// so with the publisher down nothing is distributed and nothing is lost.
/// </summary>
public sealed record ReplicaProgress
{
    private ReplicaProgress(string nodeName, long lastAppliedSequence, long lastLocalSequence, ImmutableList<TrustChangeRequest> outbox)
    {
        NodeName = nodeName;
        LastAppliedSequence = lastAppliedSequence;
        LastLocalSequence = lastLocalSequence;
        Outbox = outbox;
    }

    /// <summary>Progress read back as it was kept (the node's durable state).</summary>
    public static ReplicaProgress Restore(string nodeName, long lastAppliedSequence, long lastLocalSequence, IEnumerable<TrustChangeRequest> outbox) =>
        new(nodeName, lastAppliedSequence, lastLocalSequence, [.. outbox]);

    public string NodeName { get; }

    /// <summary>The sequence of the last log change applied here (0: none).</summary>
    public long LastAppliedSequence { get; private init; }

    /// <summary>The origin sequence of this node's last local trust change.</summary>
    public long LastLocalSequence { get; private init; }

    /// <summary>Local trust changes waiting for the publisher's acknowledgement, oldest first.</summary>
    public ImmutableList<TrustChangeRequest> Outbox { get; private init; }

    public static ReplicaProgress Start(string nodeName) => new(nodeName, 0, 0, []);

    /// <summary>Queues the trust changes of a command accepted on this (subscriber) node for the publisher.</summary>
    public ReplicaProgress RecordLocal(CertificateResult result)
    {
        var next = LastLocalSequence;
        var requests = ClusterTrustLog.TrustEvents(result.Events).Select(e => new TrustChangeRequest(NodeName, ++next, e)).ToArray();
        return this with { LastLocalSequence = next, Outbox = Outbox.AddRange(requests) };
    }

    /// <summary>Drops the outbox entries the publisher recorded.</summary>
    public ReplicaProgress Acknowledge(long upToOriginSequence) =>
        this with { Outbox = Outbox.RemoveAll(r => r.OriginSequence <= upToOriginSequence) };

    /// <summary>
    /// Applies the changes after <see cref="LastAppliedSequence"/>, in order, to <paramref name="node"/>. Changes
    /// already applied are skipped; a gap stops the catch-up and reports where to resume.
    /// </summary>
    public ReplicaCatchUp CatchUp(NodeCertificates node, IEnumerable<TrustChange> changes)
    {
        // Most polls bring nothing new.
        if (changes is IReadOnlyCollection<TrustChange> { Count: 0 }) return new ReplicaCatchUp(this, node, [], null);
        var progress = this;
        var state = node;
        var events = ImmutableArray.CreateBuilder<CertificateEvent>();
        foreach (var change in changes.OrderBy(c => c.Sequence))
        {
            if (change.Sequence <= progress.LastAppliedSequence)
            {
                continue;
            }
            if (change.Sequence != progress.LastAppliedSequence + 1)
            {
                return new ReplicaCatchUp(progress, state, events.ToImmutable(), progress.LastAppliedSequence);
            }
            var (applied, changeEvents) = state.ApplyReplicated(change.Change);
            state = applied;
            events.AddRange(changeEvents);
            progress = progress with { LastAppliedSequence = change.Sequence };
        }
        return new ReplicaCatchUp(progress, state, events.ToImmutable(), null);
    }
}
