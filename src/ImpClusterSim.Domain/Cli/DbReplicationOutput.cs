using System.Globalization;
using System.Text;

namespace ImpClusterSim.Domain.Cli;

/// <summary>
/// Output of <c>utils dbreplication runtimestate</c> in the 9.0-era layout (domain facts 5.7, 5.8). The texts of
/// Replicate_State 0, 1 and 4 and the error summary line are chosen (docs/domain.md).
/// </summary>
public static class DbReplicationOutput
{
    /// <summary>The RTMT text of a Replicate_State: "(2) Setup Completed", "(3) Out Of Sync", ...</summary>
    public static string StateText(int replicateState, bool publisher) => replicateState switch
    {
        0 => "(0) Not Setup",
        1 => "(1) Setup Incomplete",
        2 => publisher ? "(2) PUB Setup Completed" : "(2) Setup Completed",
        3 => "(3) Out Of Sync",
        4 => "(4) Setup Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(replicateState), replicateState, "Replicate_State is 0-4"),
    };

    public static string Format(DbReplicationReport r)
    {
        var started = r.StartedAt.ToDateTime();
        var healthy = r.Servers.All(s => s.ReplicateState == 2 && s.TablesMatch) && r.TablesChecked == r.TablesTotal;
        var nameWidth = Math.Max(16, r.Servers.Select(s => s.ServerName.Length + 2).DefaultIfEmpty(0).Max());
        var lines = new List<string>
        {
            "",
            $"DB and Replication Services: {(r.AllServicesRunning ? "ALL RUNNING" : "NOT ALL RUNNING")}",
            "",
            $"Cluster Replication State: Replication status command started at: {started.ToString("yyyy-MM-dd-HH-mm", CultureInfo.InvariantCulture)}",
            $"     Replication status command COMPLETED {r.TablesChecked} tables checked out of {r.TablesTotal}",
            healthy ? "     No Errors or Mismatches found." : "     Errors or Mismatches Were Found!!!",
            "",
            $"     Use 'file view activelog cm/trace/dbl/sdi/ReplicationStatus.{started.ToString("yyyy_MM_dd_HH_mm_ss", CultureInfo.InvariantCulture)}.out' to see the details",
            "",
            $"DB Version: {r.DbVersion}",
            $"Number of replicated tables: {r.TablesTotal}",
            $"Repltimeout set to: {r.ReplTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}s",
            "",
            $"Cluster Detailed View from {r.LocalServer} ({r.Servers.Length} Servers):",
            "",
            Row(nameWidth, "", "", "PING", "", "REPLICATION", "REPL.", "DBver&", "REPL.", "REPLICATION SETUP"),
            Row(nameWidth, "SERVER-NAME", "IP ADDRESS", "(msec)", "RPC?", "STATUS", "QUEUE", "TABLES", "LOOP?", "(RTMT) & details"),
            Row(nameWidth, "-----------", "----------", "------", "----", "-----------", "-----", "-------", "-----", "-----------------"),
        };
        lines.AddRange(r.Servers.Select(s => Row(
            nameWidth,
            s.ServerName,
            s.IpAddress,
            s.PingMilliseconds.ToString("0.000", CultureInfo.InvariantCulture),
            s.Rpc ? "Yes" : "No",
            s.Status,
            s.ReplicationQueue.ToString(CultureInfo.InvariantCulture),
            s.TablesMatch ? "match" : "mismatch",
            s.ReplicationLoop ? "Yes" : "No",
            StateText(s.ReplicateState, s.IsPublisher))));
        return CliText.Lines(lines);
    }

    private static string Row(int nameWidth, string name, string ip, string ping, string rpc, string status, string queue, string tables, string loop, string setup)
    {
        var sb = new StringBuilder();
        sb.Append(name.PadRight(nameWidth)).Append(ip.PadRight(16)).Append(ping.PadRight(8)).Append(rpc.PadRight(8))
          .Append(status.PadRight(16)).Append(queue.PadRight(8)).Append(tables.PadRight(9)).Append(loop.PadRight(8)).Append(setup);
        return sb.ToString().TrimEnd();
    }
}
