using System.Text;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// The built-in workload of <c>impsim chaos --topology</c> (docs/chaos.md, "The workload"): the guide's procedures,
/// repeated over the run on every IM&amp;P cluster of the topology in turn, written as a scenario so that a shrunk failure
/// replays with <c>impsim run</c>. At 10m every pair of IM&amp;P clusters is peered over TLS; then every 3 hours, on the
/// next cluster: the corporate root and issuing CAs into tomcat-trust on its publisher and a Cisco Intercluster Sync Agent
/// restart; CA-signed Tomcat leaves on every node and a Cisco Tomcat restart; Force Manual Sync (with the Tomcat resync)
/// from the other publishers; a Tomcat regeneration on the next cluster's publisher with its restart and resyncs; every
/// other round the peering with the next cluster deleted and added again. The last round, if the fault phase leaves an
/// hour after the others, is FIPS 140-2 on every cluster by the guide's forced-sync procedure (delete the peers, enable, re-add, force sync).
/// Every step ends before the fault phase does.
/// </summary>
public static class ChaosWorkload
{
    public static readonly TimeSpan RoundEvery = TimeSpan.FromHours(3);

    /// <summary>The workload's scenario text on <paramref name="topology"/> (written as <paramref name="topologyRef"/>: an embedded name or a path).</summary>
    public static string Yaml(string topologyRef, Deployment topology, TimeSpan horizon, TimeSpan faultsEnd)
    {
        var clusters = topology.ImpClusters.Select(c => c.Name).ToArray();
        var steps = new List<(TimeSpan At, string Yaml)>();
        void Step(TimeSpan at, string target, string operation) => steps.Add((at, $"  - {{ at: {DurationText.Format(at)}, {target}, {operation} }}"));

        var peered = TimeSpan.FromMinutes(10);
        foreach (var a in clusters)
        foreach (var b in clusters.Where(b => b != a))
            Step(peered, $"publisher-of: {a}", $"add-peer: {{ peer: {b}, protocol: TLS }}");

        // A round's steps span 110 minutes; the FIPS round's 55 (its reboots end in the quiet period).
        var lastStart = faultsEnd - TimeSpan.FromHours(2);
        var round = 0;
        var t = TimeSpan.FromHours(1);
        for (; t <= lastStart && clusters.Length > 0; t += RoundEvery, round++)
        {
            var c = clusters[round % clusters.Length];
            var next = clusters[(round + 1) % clusters.Length];
            var others = clusters.Where(x => x != c).ToArray();
            Step(t, $"publisher-of: {c}", "upload-trust: { store: tomcat-trust, ca: corp-root }");
            Step(t, $"publisher-of: {c}", "upload-trust: { store: tomcat-trust, ca: corp-issuing }");
            Step(t, $"publisher-of: {c}", $"restart-service: {ServiceNames.CiscoInterclusterSyncAgent}");
            Step(t + TimeSpan.FromMinutes(20), $"cluster: {c}", "upload-leaf: { unit: tomcat, signed-by: corp-issuing }");
            Step(t + TimeSpan.FromMinutes(20), $"cluster: {c}", $"restart-service: {ServiceNames.CiscoTomcat}");
            foreach (var o in others)
                Step(t + TimeSpan.FromMinutes(50), $"publisher-of: {o}", $"force-manual-sync: {{ peer: {c}, resync-tomcat: true }}");
            if (next != c)
            {
                Step(t + TimeSpan.FromMinutes(70), $"publisher-of: {next}", "regenerate: tomcat");
                Step(t + TimeSpan.FromMinutes(70), $"publisher-of: {next}", $"restart-service: {ServiceNames.CiscoTomcat}");
                foreach (var o in clusters.Where(x => x != next))
                    Step(t + TimeSpan.FromMinutes(85), $"publisher-of: {o}", $"force-manual-sync: {{ peer: {next}, resync-tomcat: true }}");
                if (round % 2 == 1)
                {
                    Step(t + TimeSpan.FromMinutes(100), $"publisher-of: {c}", $"delete-peer: {next}");
                    Step(t + TimeSpan.FromMinutes(100), $"publisher-of: {next}", $"delete-peer: {c}");
                    Step(t + TimeSpan.FromMinutes(110), $"publisher-of: {c}", $"add-peer: {{ peer: {next}, protocol: TLS }}");
                    Step(t + TimeSpan.FromMinutes(110), $"publisher-of: {next}", $"add-peer: {{ peer: {c}, protocol: TLS }}");
                }
            }
        }

        if (round > 0 && t + TimeSpan.FromHours(1) <= faultsEnd && clusters.Length > 1)
        {
            // FIPS 140-2 on every cluster, by the guide's forced-sync procedure.
            foreach (var a in clusters)
            foreach (var b in clusters.Where(b => b != a))
                Step(t, $"publisher-of: {a}", $"delete-peer: {b}");
            foreach (var c in clusters) Step(t + TimeSpan.FromMinutes(1), $"cluster: {c}", "fips-enable: {}");
            foreach (var a in clusters)
            foreach (var b in clusters.Where(b => b != a))
                Step(t + TimeSpan.FromMinutes(35), $"publisher-of: {a}", $"add-peer: {{ peer: {b}, protocol: TLS }}");
            foreach (var a in clusters)
            foreach (var b in clusters.Where(b => b != a))
                Step(t + TimeSpan.FromMinutes(55), $"publisher-of: {a}", $"force-manual-sync: {{ peer: {b}, resync-tomcat: true }}");
        }

        var yaml = new StringBuilder();
        yaml.Append("# The built-in chaos workload (docs/chaos.md): the guide's procedures repeated over the run.\n");
        yaml.Append("name: chaos-workload\n");
        yaml.Append("description: the guide's certificate procedures repeated on every IM&P cluster in turn\n");
        yaml.Append($"until: {DurationText.Format(horizon)}\n");
        yaml.Append($"deployment:\n  topology: {topologyRef}\n");
        yaml.Append("cas:\n  - { name: corp-root, subject: Example Corp Root CA, validity: 7300d }\n");
        yaml.Append("  - { name: corp-issuing, subject: Example Corp Issuing CA, signed-by: corp-root, path-length: 0 }\n");
        yaml.Append("steps:\n");
        foreach (var (_, line) in steps.Select((s, i) => (s, i)).OrderBy(x => x.s.At).ThenBy(x => x.i).Select(x => x.s)) yaml.Append(line).Append('\n');
        return yaml.ToString();
    }
}
