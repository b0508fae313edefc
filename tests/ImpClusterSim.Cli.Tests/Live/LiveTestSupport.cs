using System.Net;
using System.Net.Sockets;

namespace ImpClusterSim.Cli.Tests.Live;

/// <summary>Small topologies, free ports and a check that no node process outlives a test.</summary>
internal static class LiveTestSupport
{
    public const string FourNodes = """
        description: four nodes for live tests
        cucm-clusters:
          - name: cucm
            nodes:
              - { name: cucm-pub, fqdn: cucm-pub.example.com, ip: 10.20.0.10, role: publisher }
        imp-clusters:
          - name: imp-a
            cucm-cluster: cucm
            domain: a.example.com
            nodes:
              - { name: imp-a-pub, fqdn: imp-a-pub.example.com, ip: 10.20.1.10, role: publisher }
              - { name: imp-a-sub1, fqdn: imp-a-sub1.example.com, ip: 10.20.1.11, role: subscriber }
            subclusters:
              - { name: imp-a-sc1, nodes: [imp-a-pub, imp-a-sub1] }
          - name: imp-b
            cucm-cluster: cucm
            domain: b.example.com
            nodes:
              - { name: imp-b-pub, fqdn: imp-b-pub.example.com, ip: 10.20.2.10, role: publisher }
            subclusters:
              - { name: imp-b-sc1, nodes: [imp-b-pub] }
        """;

    public const string TwoNodes = """
        description: two nodes for live tests
        cucm-clusters:
          - name: cucm
            nodes:
              - { name: cucm-pub, fqdn: cucm-pub.example.com, ip: 10.20.0.10, role: publisher }
        imp-clusters:
          - name: imp-a
            cucm-cluster: cucm
            domain: a.example.com
            nodes:
              - { name: imp-a-pub, fqdn: imp-a-pub.example.com, ip: 10.20.1.10, role: publisher }
            subclusters:
              - { name: imp-a-sc1, nodes: [imp-a-pub] }
        """;

    public static string NewDirectory(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"impsim-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string WriteTopology(string dir, string yaml)
    {
        var path = Path.Combine(dir, "topology.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>A base port with <paramref name="count"/> free ports after it (checked by binding each).</summary>
    public static int FreePortRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var start = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            if (start + count > 65535) continue;
            if (Enumerable.Range(start, count).All(IsFree)) return start;
        }
        throw new InvalidOperationException("no free port range");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var l = new TcpListener(IPAddress.Loopback, port);
            l.Start();
            l.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Processes whose command line mentions <paramref name="marker"/> (e.g. a test's data directory).</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(marker, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }

    public static void DeleteQuietly(string dir)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: temporary files.
        }
    }
}
