using System.Collections.Immutable;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Schedules every fault as a clock action at its time, and its undoing at the end of its window; records each window
/// for the outcome. The network, the nodes and the clock-skew trace their own events; the others are run events.
/// </summary>
internal sealed class FaultScheduler(RunContext context, Simulation.SimulationRun run)
{
    /// <summary>How long a killed service stays down before the Service Manager starts it again.</summary>
    public static readonly TimeSpan ServiceKillRestart = TimeSpan.FromMinutes(1);

    /// <summary>How long a restart-node reboot keeps the node off the network before it boots again.</summary>
    public static readonly TimeSpan NodeRebootDowntime = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, List<LinkScope>> _links = new(StringComparer.Ordinal);
    private readonly List<FaultWindow> _windows = [];
    private readonly Dictionary<string, int> _failingDisks = new(StringComparer.Ordinal);

    private RunContext C => context;

    public ImmutableArray<FaultWindow> Windows => [.. _windows];

    public void ScheduleAll(ImmutableArray<Fault> faults)
    {
        for (var i = 0; i < faults.Length; i++)
        {
            var fault = faults[i];
            var id = fault.Id ?? $"{fault.Action.Kind}-{i + 1}";
            var until = fault.Until is { } u ? C.Start + u : (SimInstant?)null;
            if (fault.Action is Crash { RestartAfter: { } after }) until = C.Start + fault.At + after;
            _windows.Add(new FaultWindow(id, fault.Action.Kind, C.Start + fault.At, until));
            run.At(C.Start + fault.At, () => Strike(id, fault.Action));
            if (fault.Until is { } end) run.At(C.Start + end, () => Undo(id, fault.Action));
        }
    }

    private void Strike(string id, FaultAction action)
    {
        switch (action)
        {
            case Language.Partition p:
                run.Network.StartPartition(id, p.A.Nodes, p.B.Nodes, p.OneWay ? PartitionDirection.OneWay : PartitionDirection.BothWays);
                break;
            case Heal h:
                if (h.Id is null)
                {
                    run.Network.HealAll();
                    foreach (var link in _links.Keys.Order(StringComparer.Ordinal).ToArray()) ClearLink(link);
                }
                else if (!run.Network.Heal(h.Id)) ClearLink(h.Id);
                break;
            case LinkChange l:
                var scopes = Scopes(l.A, l.B).ToList();
                foreach (var scope in scopes)
                    run.Network.ChangeLinkModel(scope, LinkModels.With(Current(scope), l.Latency, l.Distribution, l.Loss, l.Duplication, l.Reorder));
                _links[id] = scopes;
                break;
            case Crash c:
                run[c.Node].Crash();
                if (c.RestartAfter is { } after)
                    run.After(after, () => StartIfDown(c.Node));
                break;
            case RestartNode r:
                C.Record(r.Node, "restart-node", ("downtime", DurationText.Format(NodeRebootDowntime)));
                run[r.Node].Stop();
                run.After(NodeRebootDowntime, () => StartIfDown(r.Node));
                break;
            case ServiceFault s:
                C.Record(s.Node, s.Kind, ("service", s.Service));
                run[s.Node].Tell(new Node.Runtime.ServiceControl(new StopService(s.Service)));
                if (s.Kill) run.After(ServiceKillRestart, () => run[s.Node].Tell(new Node.Runtime.ServiceControl(new StartService(s.Service))));
                break;
            case ClockSkew k:
                run.SetSkew(k.Node, k.Offset);
                break;
            case FipsSelfTestFailure f:
                C.Record(f.Node, f.Kind, ("mode", f.Persistent ? "persistent" : "transient"));
                run[f.Node].Tell(new FipsSelfTestFault(f.Persistent));
                break;
            case NameResolutionFault n:
                C.Record(n.Node, n.Kind, ("id", id), ("host", n.Host),
                    ("lookup", n.Delay is { } slow ? "slow " + DurationText.Format(slow) : "fails"));
                run.HostNames.Start(id, n.Node, n.Host, n.Delay);
                break;
            case DiskFailure d:
                C.Record(d.Node, d.Kind, ("id", id));
                _failingDisks[d.Node] = _failingDisks.GetValueOrDefault(d.Node) + 1;
                run[d.Node].Disk.Failing = true;
                break;
        }
    }

    private void Undo(string id, FaultAction action)
    {
        switch (action)
        {
            case Language.Partition:
                run.Network.Heal(id);
                break;
            case LinkChange:
                ClearLink(id);
                break;
            case ClockSkew k:
                run.SetSkew(k.Node, TimeSpan.Zero);
                break;
            case ServiceFault s:
                C.Record(s.Node, s.Kind + "-ended", ("service", s.Service));
                run[s.Node].Tell(new Node.Runtime.ServiceControl(new StartService(s.Service)));
                break;
            case NameResolutionFault n:
                C.Record(n.Node, n.Kind + "-ended", ("id", id), ("host", n.Host));
                run.HostNames.Heal(id);
                break;
            case DiskFailure d:
                C.Record(d.Node, d.Kind + "-ended", ("id", id));
                var left = _failingDisks.GetValueOrDefault(d.Node) - 1;
                _failingDisks[d.Node] = left;
                run[d.Node].Disk.Failing = left > 0;
                break;
        }
    }

    private LinkModel Current(LinkScope scope)
    {
        var model = run.Network.Model;
        return scope.Kind == LinkScopeKind.ClusterPair
            ? model.For(model.NodesOf(scope.From)[0], model.NodesOf(scope.To)[0])
            : model.For(scope.From, scope.To);
    }

    private void ClearLink(string id)
    {
        if (!_links.Remove(id, out var scopes)) return;
        foreach (var scope in scopes) run.Network.ClearLinkModel(scope);
    }

    private void StartIfDown(string node)
    {
        if (run[node].Status == Simulation.Nodes.NodeStatus.Down) run[node].Start();
    }

    /// <summary>Both directions between every pair of names: cluster pairs when both sides are clusters, node pairs otherwise.</summary>
    private IEnumerable<LinkScope> Scopes(Endpoints a, Endpoints b)
    {
        var clusters = run.Network.Model;
        bool IsCluster(string name) => clusters.NodesOf(name).Count > 0;
        if (a.Names.All(IsCluster) && b.Names.All(IsCluster))
        {
            foreach (var x in a.Names)
            foreach (var y in b.Names)
            {
                yield return LinkScope.Clusters(x, y);
                yield return LinkScope.Clusters(y, x);
            }

            yield break;
        }

        foreach (var x in a.Nodes)
        foreach (var y in b.Nodes)
        {
            yield return LinkScope.Nodes(x, y);
            yield return LinkScope.Nodes(y, x);
        }
    }
}
