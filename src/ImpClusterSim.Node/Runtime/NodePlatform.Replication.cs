using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// Intracluster replication of trust certificates through the publisher's database. The publisher pushes each change
/// to every subscriber after a replication delay drawn from the run's seed; subscribers forward their own changes to
/// the publisher and poll it periodically, so a subscriber that was down or cut off catches up when it returns. With
/// the publisher down nothing is distributed (subscribers keep their changes in the outbox until it is back).
/// </summary>
public sealed partial class NodePlatform
{
    private readonly Dictionary<string, (long Applied, Domain.Time.SimInstant At)> _replicaAcks = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, bool> _replicaFips = new(StringComparer.Ordinal);
    private Domain.Time.SimInstant? _lastHeardFromPublisher;

    private void ReceiveReplication()
    {
        Receive<NetworkEnvelope>(e => e.ToService == Replication.Service, e =>
        {
            if (PlatformRunning) OnReplication(e); // a rebooting or halted node answers nothing
        });
        Receive<ReplicationPoll>(_ => OnReplicationPoll());
        Receive<PushTo>(OnPushTo);
    }

    private void StartReplication()
    {
        if (_state.TrustLog is null)
        {
            Timers.StartPeriodicTimer("replication-poll", ReplicationPoll.Instance, TimeSpan.Zero, _setup.Timings.ReplicationPoll);
        }
    }

    private void OnReplicationPoll()
    {
        ForwardOutbox();
        SendToPublisher(new PullTrustChanges(_state.Replica.LastAppliedSequence));
    }

    private void SchedulePushToSubscribers()
    {
        foreach (var subscriber in _setup.ClusterPeers)
        {
            var delay = _setup.Timings.ReplicationDelay.Draw(_replicationRandom.NextDouble);
            Timers.StartSingleTimer("push:" + subscriber.Name, new PushTo(subscriber.Name), delay);
        }
    }

    private void OnReplication(NetworkEnvelope e)
    {
        switch (e.Payload)
        {
            case ForwardTrustChanges f when _state.TrustLog is { } log:
            {
                var accepted = log.AcceptForwarded(_state.Certificates, f.Requests);
                Persist(_state with { Certificates = accepted.Publisher, TrustLog = accepted.Log });
                foreach (var ev in accepted.Events) TraceCertificateEvent(ev, e.FromNode);
                Send(e.FromNode, new TrustChangesAcknowledged(accepted.AcknowledgedUpTo));
                if (accepted.Appended.Length > 0) SchedulePushToSubscribers();
                break;
            }
            case PullTrustChanges p when _state.TrustLog is { } log:
                Send(e.FromNode, new TrustChanges([.. log.Since(p.After)], log.LastSequence));
                Send(e.FromNode, new SettingsReplica(_state.SettingsVersion, _state.Settings));
                break;
            case SettingsReplica r when _state.TrustLog is null:
                OnSettingsReplica(r);
                break;
            case ReplicationAck a:
                _replicaAcks[e.FromNode] = (a.LastApplied, _node.Clock.Now);
                _replicaFips[e.FromNode] = a.Fips;
                break;
            case TrustChangesAcknowledged a:
                _lastHeardFromPublisher = _node.Clock.Now;
                Persist(_state with { Replica = _state.Replica.Acknowledge(a.UpTo) });
                break;
            case TrustChanges c when _state.TrustLog is null:
            {
                _lastHeardFromPublisher = _node.Clock.Now;
                var catchUp = _state.Replica.CatchUp(_state.Certificates, c.Changes);
                if (catchUp.Events.Length > 0 || catchUp.Progress != _state.Replica)
                    Persist(_state with { Certificates = catchUp.Node, Replica = catchUp.Progress });
                foreach (var ev in catchUp.Events) TraceCertificateEvent(ev, "replication");
                if (catchUp.MissingFrom is { } from) SendToPublisher(new PullTrustChanges(from));
                SendToPublisher(new ReplicationAck(_state.Replica.LastAppliedSequence, _state.Certificates.Fips));
                break;
            }
        }
    }

    private void OnPushTo(PushTo push)
    {
        if (_state.TrustLog is not { } log) return;
        var after = _replicaAcks.TryGetValue(push.Subscriber, out var ack) ? ack.Applied : 0;
        Send(push.Subscriber, new TrustChanges([.. log.Since(after)], log.LastSequence));
        Send(push.Subscriber, new SettingsReplica(_state.SettingsVersion, _state.Settings));
    }

    private void ForwardOutbox()
    {
        if (_state.TrustLog is null && !_state.Replica.Outbox.IsEmpty)
            SendToPublisher(new ForwardTrustChanges([.. _state.Replica.Outbox]));
    }

    private void SendToPublisher(object message) => Send(_setup.Publisher.Name, message);

    private void Send(string node, object message) => _node.Network.Send(Replication.Service, node, Replication.Service, message);

    private sealed class ReplicationPoll
    {
        public static readonly ReplicationPoll Instance = new();
    }

    private sealed record PushTo(string Subscriber);
}
