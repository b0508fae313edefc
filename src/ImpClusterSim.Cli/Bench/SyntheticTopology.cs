using System.Globalization;
using System.Text;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Cli.Bench;

/// <summary>A deployment of about <c>n</c> nodes for benchmarks: IM&amp;P clusters of six (three subclusters) and one CUCM cluster.</summary>
internal static class SyntheticTopology
{
    public static Deployment WithNodes(int n)
    {
        var c = CultureInfo.InvariantCulture;
        var imp = Math.Max(1, (n - 4) / 6);
        var yaml = new StringBuilder("cucm-clusters:\n  - name: cucm\n    nodes:\n");
        for (var i = 0; i < 4; i++)
            yaml.Append(c, $"      - {{ name: cucm-{i}, fqdn: cucm-{i}.example.com, ip: 10.0.0.{i + 10}, role: {(i == 0 ? "publisher" : "subscriber")} }}\n");
        yaml.Append("imp-clusters:\n");
        for (var k = 0; k < imp; k++)
        {
            yaml.Append(c, $"  - name: imp-{k}\n    cucm-cluster: cucm\n    domain: d{k}.example.com\n    nodes:\n");
            for (var i = 0; i < 6; i++)
                yaml.Append(c, $"      - {{ name: imp-{k}-{i}, fqdn: imp-{k}-{i}.example.com, ip: 10.{k / 200 + 1}.{k % 200}.{i + 10}, role: {(i == 0 ? "publisher" : "subscriber")} }}\n");
            yaml.Append("    subclusters:\n");
            for (var s = 0; s < 3; s++)
                yaml.Append(c, $"      - {{ name: imp-{k}-sc{s}, nodes: [imp-{k}-{2 * s}, imp-{k}-{2 * s + 1}] }}\n");
        }
        return TopologyLoader.Parse(yaml.ToString(), "synthetic.yaml");
    }
}
