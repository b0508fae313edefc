using System.Collections.Immutable;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Tests.Reports;

/// <summary>
/// A scenario outcome built by hand, as the runner would fill it: two peered clusters, a partition from +2h to +3h, a
/// Tomcat restart at +4h, a subscriber that crashes at +5h and comes back, a certificate out-of-sync at +6h; two
/// expectations (one fails) and two assumptions (one does not hold).
/// </summary>
internal static class SampleOutcome
{
    public static readonly SimInstant Start = SimInstant.DefaultRunStart;

    public static ScenarioOutcome Create()
    {
        var events = new List<TraceEvent>();
        void Add(TimeSpan at, string node, string @event, params (string K, string V)[] details) =>
            events.Add(new TraceEvent(Start + at, node, node == "network" ? "/network" : "/user/node", @event,
                details.Select(d => KeyValuePair.Create(d.K, d.V)).ToArray()));
        TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

        foreach (var node in new[] { "imp-a-pub", "imp-a-sub1", "imp-b-pub", "imp-b-sub1" })
            Add(TimeSpan.Zero, node, "node-started", ("incarnation", "1"));
        foreach (var node in new[] { "imp-a-pub", "imp-b-pub" })
        {
            Add(TimeSpan.Zero, node, "service-status", ("service", "Cisco Tomcat"), ("status", "Starting"));
            Add(TimeSpan.Zero, node, "service-status", ("service", "Cisco XCP Router"), ("status", "Starting"));
            Add(M(2), node, "service-status", ("service", "Cisco Tomcat"), ("status", "Started"));
            Add(M(3), node, "service-status", ("service", "Cisco XCP Router"), ("status", "Started"));
        }
        Add(M(5), "imp-a-pub", "peer-status", ("peer", "imp-b-pub"), ("status", PeerStatus.FailedText));
        Add(M(5), "imp-b-pub", "peer-status", ("peer", "imp-a-pub"), ("status", PeerStatus.FailedText));
        Add(M(31), "imp-a-pub", "peer-status", ("peer", "imp-b-pub"), ("status", PeerStatus.SecureText));
        Add(M(33), "imp-b-pub", "peer-status", ("peer", "imp-a-pub"), ("status", PeerStatus.SecureText));
        Add(M(60), "network", "network-summary", ("delivered", "1234"));
        Add(M(120), "network", "partition-started", ("id", "cut"), ("direction", "both-ways"), ("side-a", "imp-a-pub,imp-a-sub1"), ("side-b", "imp-b-pub,imp-b-sub1"));
        Add(M(151), "imp-a-pub", "peer-status", ("peer", "imp-b-pub"), ("status", PeerStatus.NotReachableText));
        Add(M(153), "imp-b-pub", "peer-status", ("peer", "imp-a-pub"), ("status", PeerStatus.NotReachableText));
        Add(M(180), "network", "partition-healed", ("id", "cut"));
        Add(M(186), "imp-a-pub", "peer-status", ("peer", "imp-b-pub"), ("status", PeerStatus.SecureText));
        Add(M(188), "imp-b-pub", "peer-status", ("peer", "imp-a-pub"), ("status", PeerStatus.SecureText));
        Add(M(240), "imp-b-pub", "service-status", ("service", "Cisco Tomcat"), ("status", "Stopping"));
        Add(M(240.5), "imp-b-pub", "service-status", ("service", "Cisco Tomcat"), ("status", "Stopped"));
        Add(M(241), "imp-b-pub", "service-status", ("service", "Cisco Tomcat"), ("status", "Starting"));
        Add(M(244), "imp-b-pub", "service-status", ("service", "Cisco Tomcat"), ("status", "Started"));
        Add(M(300), "imp-b-sub1", "node-crashed");
        Add(M(320), "imp-b-sub1", "node-started", ("incarnation", "2"));
        Add(M(360), "imp-b-pub", "trust-added", ("store", "tomcat-trust"), ("file", "corp-root.pem"), ("origin", "upload"));
        Add(M(361), "imp-a-pub", "peer-status", ("peer", "imp-b-pub"), ("status", PeerStatus.OutOfSyncText));

        var file = "scenarios/examples/sample.yaml";
        return new ScenarioOutcome(
            Scenario: "sample-two-clusters",
            GuideSection: "Configure Certificate Authority-Signed Certificates > Tomcat",
            Seed: 42,
            Start: Start,
            VirtualDuration: TimeSpan.FromHours(7),
            WallSeconds: 0.731,
            Nodes: 4,
            MessagesDelivered: 48210,
            MessagesDropped: 57,
            TraceHash: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
            Replay: "impsim run scenarios/examples/sample.yaml --seed 42",
            Checks:
            [
                new CheckOutcome("imp-a sees imp-b secure", CheckKind.Expectation, true, Start + M(31), "imp-a-pub showed 'Connection is secure' for imp-b-pub at +31m", file, 30, 5) { WindowFrom = M(10), WindowTo = M(40) },
                new CheckOutcome("imp-a sees imp-b secure at the end", CheckKind.Expectation, false, Start + TimeSpan.FromHours(7), "imp-a-pub shows 'Certificate out-of-sync' for imp-b-pub at the horizon", file, 34, 5) { WindowFrom = TimeSpan.FromHours(7), WindowTo = TimeSpan.FromHours(7) },
                new CheckOutcome("secure within 20 minutes", CheckKind.Assumption, true, Start + M(33), "held: first true at +33m", file, 40, 5) { WindowFrom = M(13), WindowTo = M(33) },
                new CheckOutcome("heals within 2 minutes", CheckKind.Assumption, false, Start + M(182), "did not hold: first true at +6m after the heal", file, 44, 5) { WindowFrom = M(180), WindowTo = M(182) },
            ],
            Faults:
            [
                new FaultWindow("cut", "partition", Start + M(120), Start + M(180)),
                new FaultWindow("crash imp-b-sub1", "crash", Start + M(300), Start + M(320)),
                new FaultWindow("skew imp-a-sub1 +2h", "clock-skew", Start + M(390), null),
            ],
            Events: [.. events]);
    }
}
