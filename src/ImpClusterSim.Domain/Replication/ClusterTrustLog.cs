using System.Collections.Immutable;
using ImpClusterSim.Domain.Certificates;

namespace ImpClusterSim.Domain.Replication;

/// <summary>
/// The publisher's cluster database of trust certificates (model.md "Inside a cluster"; domain facts §2.6, §2.8):
/// an append-only, sequence-numbered list of trust additions and removals. Subscribers pull what they lack with
/// <see cref="Since"/> and apply it with <see cref="ReplicaProgress.CatchUp"/>. Own (leaf) certificates never enter it.
/// </summary>
public sealed record ClusterTrustLog
{
    private ClusterTrustLog(string cluster, string publisherNode, ImmutableList<TrustChange> changes,
        ImmutableSortedDictionary<string, long> recordedFromOrigin)
    {
        Cluster = cluster;
        PublisherNode = publisherNode;
        Changes = changes;
        RecordedFromOrigin = recordedFromOrigin;
    }

    /// <summary>A log read back as it was kept (the publisher's durable state).</summary>
    public static ClusterTrustLog Restore(string cluster, string publisherNode, IEnumerable<TrustChange> changes,
        IEnumerable<KeyValuePair<string, long>> recordedFromOrigin) =>
        new(cluster, publisherNode, [.. changes], recordedFromOrigin.ToImmutableSortedDictionary(StringComparer.Ordinal));

    public string Cluster { get; }

    public string PublisherNode { get; }

    public ImmutableList<TrustChange> Changes { get; private init; }

    /// <summary>Per origin node, the highest <see cref="TrustChangeRequest.OriginSequence"/> recorded (for deduplication).</summary>
    public ImmutableSortedDictionary<string, long> RecordedFromOrigin { get; private init; }

    public long LastSequence => Changes.IsEmpty ? 0 : Changes[^1].Sequence;

    public static ClusterTrustLog Empty(string cluster, string publisherNode) =>
        new(cluster, publisherNode, [], ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal));

    /// <summary>The changes after <paramref name="sequence"/>, in order.</summary>
    /// <remarks>Sequences grow along the log, so the common answer (nothing new, polled every minute) costs nothing.</remarks>
    public ImmutableArray<TrustChange> Since(long sequence)
    {
        if (sequence >= LastSequence) return [];
        var first = Changes.Count;
        while (first > 0 && Changes[first - 1].Sequence > sequence) first--;
        var builder = ImmutableArray.CreateBuilder<TrustChange>(Changes.Count - first);
        for (var i = first; i < Changes.Count; i++) builder.Add(Changes[i]);
        return builder.MoveToImmutable();
    }

    /// <summary>How many changes a node that applied up to <paramref name="sequence"/> still lacks.</summary>
    public long LagOf(long sequence) => Math.Max(0, LastSequence - sequence);

    /// <summary>
    /// Records the trust changes of a command accepted on the publisher itself (its own store already holds them).
    /// </summary>
    public LogAppend RecordPublisherChanges(CertificateResult result)
    {
        var next = RecordedFromOrigin.GetValueOrDefault(PublisherNode);
        var requests = TrustEvents(result.Events).Select(e => new TrustChangeRequest(PublisherNode, ++next, e)).ToArray();
        return Append(requests);
    }

    /// <summary>
    /// Accepts changes forwarded by one subscriber (its outbox): records those not yet recorded (by origin sequence),
    /// applies them to the publisher's own certificates, and says up to which origin sequence the subscriber may drop
    /// its outbox.
    /// </summary>
    public ForwardAccepted AcceptForwarded(NodeCertificates publisher, IEnumerable<TrustChangeRequest> requests)
    {
        var log = this;
        var state = publisher;
        var appended = ImmutableArray.CreateBuilder<TrustChange>();
        var events = ImmutableArray.CreateBuilder<CertificateEvent>();
        var acknowledged = 0L;
        foreach (var request in requests.OrderBy(r => r.OriginSequence))
        {
            acknowledged = Math.Max(acknowledged, request.OriginSequence);
            if (request.OriginSequence <= log.RecordedFromOrigin.GetValueOrDefault(request.OriginNode))
            {
                continue;
            }
            var append = log.Append([request]);
            log = append.Log;
            appended.AddRange(append.Appended);
            var (applied, changeEvents) = state.ApplyReplicated(request.Change);
            state = applied;
            events.AddRange(changeEvents);
        }
        var origin = requests.Select(r => r.OriginNode).FirstOrDefault() ?? "";
        return new ForwardAccepted(log, state, appended.ToImmutable(), events.ToImmutable(), origin,
            Math.Max(acknowledged, log.RecordedFromOrigin.GetValueOrDefault(origin)));
    }

    private LogAppend Append(IReadOnlyList<TrustChangeRequest> requests)
    {
        var changes = Changes;
        var recorded = RecordedFromOrigin;
        var sequence = LastSequence;
        var appended = ImmutableArray.CreateBuilder<TrustChange>();
        foreach (var request in requests)
        {
            var change = new TrustChange(++sequence, request);
            changes = changes.Add(change);
            appended.Add(change);
            recorded = recorded.SetItem(request.OriginNode, Math.Max(recorded.GetValueOrDefault(request.OriginNode), request.OriginSequence));
        }
        return new LogAppend(this with { Changes = changes, RecordedFromOrigin = recorded }, appended.ToImmutable());
    }

    internal static IEnumerable<CertificateEvent> TrustEvents(IEnumerable<CertificateEvent> events) =>
        events.Where(e => e is TrustCertificateAdded or TrustCertificateRemoved or TrustCertificateDeletedOnNode);
}
