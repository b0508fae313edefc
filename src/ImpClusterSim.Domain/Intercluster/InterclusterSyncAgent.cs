using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// The Cisco Intercluster Sync Agent of one IM&amp;P cluster (it runs on the database publisher): the configured
/// peers and a <see cref="PeerSyncState"/> per peer. Immutable; <see cref="Apply"/> returns the new agent and the
/// effects for the actor. Syncs start at once when a peer is added, on Force Manual Sync and when the agent
/// (re)starts; then every periodic interval after a success and a retry interval after a failure.
/// "Restart the Cisco Intercluster Sync Agent so the CA certificates sync immediately to all other clusters" is
/// made true this way: the restarted agent syncs with every peer at once AND notifies every peer, whose agent then
/// syncs from this cluster at once and so pulls its new CA certificates (a peer pulls; it is never pushed to).
/// </summary>
public sealed record InterclusterSyncAgent(
    string LocalCluster,
    InterclusterPeers Peers,
    ImmutableSortedDictionary<string, PeerSyncState> States,
    IcsaTimings Timings)
{
    public static InterclusterSyncAgent Create(string localCluster, string localPublisher, IcsaTimings? timings = null) =>
        new(localCluster, InterclusterPeers.Empty(localPublisher),
            ImmutableSortedDictionary.Create<string, PeerSyncState>(StringComparer.OrdinalIgnoreCase), timings ?? IcsaTimings.Default);

    public PeerSyncState? StateOf(string peerAddress) => States.GetValueOrDefault(peerAddress);

    public IcsaResult Apply(IcsaCommand command, SimInstant now) => command switch
    {
        AddPeer c => Add(c.Peer, now),
        DeletePeer c => Delete(c.PeerAddress),
        AgentStarted => Started(now),
        ForceManualSync c => Force(c.PeerAddress, c.ResyncTomcat, now),
        SyncDue c => Due(c.PeerAddress, c.Elapsed, now),
        PeerAgentRestarted c => Peers.FindNode(c.From) is { } peer
            ? SyncNow(peer.PeerAddress, false, now, $"peer {peer.PeerAddress} restarted its agent: syncing from it now")
            : new IcsaResult(this, [], $"'{c.From.Name}' is not a configured intercluster peer: notification ignored"),
        SyncCompleted c => Completed(c.PeerAddress, c.Attempt, now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown intercluster sync agent command"),
    };

    private IcsaResult Add(InterclusterPeer peer, SimInstant now)
    {
        var change = Peers.Add(peer);
        if (!change.Changed)
        {
            return new IcsaResult(this, change.Alarm is { } alarm ? [new RaiseAlarm(alarm)] : [], change.Message);
        }
        var agent = this with { Peers = change.Peers, States = States.SetItem(peer.PeerAddress, PeerSyncState.New(peer, now)) };
        return new IcsaResult(agent, [new StartSync(peer.PeerAddress, false)], change.Message);
    }

    private IcsaResult Delete(string peerAddress)
    {
        var change = Peers.Delete(peerAddress);
        return change.Changed
            ? new IcsaResult(this with { Peers = change.Peers, States = States.Remove(peerAddress) }, [], change.Message)
            : new IcsaResult(this, [], change.Message);
    }

    private IcsaResult Started(SimInstant now)
    {
        var effects = ImmutableArray.CreateBuilder<IcsaEffect>();
        var states = States;
        foreach (var state in States.Values)
        {
            states = states.SetItem(state.PeerAddress, state.DueAt(now));
            effects.Add(new StartSync(state.PeerAddress, false));
        }
        foreach (var state in States.Values)
        {
            effects.Add(new NotifyPeerAgentRestarted(state.PeerAddress));
        }
        return new IcsaResult(this with { States = states }, effects.ToImmutable(),
            $"Cisco Intercluster Sync Agent started: syncing with {States.Count} peer(s) and notifying them");
    }

    private IcsaResult Force(string peerAddress, bool resyncTomcat, SimInstant now) =>
        States.ContainsKey(peerAddress)
            ? SyncNow(peerAddress, resyncTomcat, now, resyncTomcat
                ? $"Force Manual Sync of {peerAddress} (also resyncing the peer's Tomcat certificates)"
                : $"Force Manual Sync of {peerAddress}")
            : new IcsaResult(this, [], $"No intercluster peer with address '{peerAddress}'.");

    private IcsaResult Due(string peerAddress, bool elapsed, SimInstant now) =>
        States.TryGetValue(peerAddress, out var state) && (elapsed || state.NextSyncDue <= now)
            ? SyncNow(peerAddress, false, now, null)
            : new IcsaResult(this, [], null);

    private IcsaResult SyncNow(string peerAddress, bool resyncTomcat, SimInstant now, string? message)
    {
        var state = States[peerAddress];
        return new IcsaResult(this with { States = States.SetItem(peerAddress, state.DueAt(now)) },
            [new StartSync(state.PeerAddress, resyncTomcat)], message);
    }

    private IcsaResult Completed(string peerAddress, SyncAttempt attempt, SimInstant now)
    {
        if (!States.TryGetValue(peerAddress, out var state))
        {
            return new IcsaResult(this, [], $"sync result for '{peerAddress}' ignored: the peer is no longer configured");
        }
        var outcome = state.Sync(attempt, now, Timings);
        var effects = ImmutableArray.CreateBuilder<IcsaEffect>();
        effects.AddRange(outcome.Imports.Select(i => new ImportCertificate(state.PeerAddress, i,
            new CertificateExchange(now, state.PeerAddress, attempt.PeerFips, LocalCluster, attempt.LocalFips, i))));
        effects.AddRange(outcome.Alarms.Select(a => new RaiseAlarm(a)));
        if (outcome.Status != state.Status)
        {
            effects.Add(new PeerStatusChanged(state.PeerAddress, state.Status, outcome.Status));
        }
        effects.Add(new ScheduleSync(state.PeerAddress, outcome.NextSyncDue));
        return new IcsaResult(this with { States = States.SetItem(peerAddress, outcome.State) }, effects.ToImmutable(), null);
    }
}
