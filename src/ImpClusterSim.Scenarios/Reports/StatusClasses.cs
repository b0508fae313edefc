using ImpClusterSim.Domain.Intercluster;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>Maps the statuses the trace records to the few classes the plot colours by.</summary>
public static class StatusClasses
{
    /// <summary>
    /// A peer's Certificate Status as the panel words it: "Connection is secure" is secure, "Not reachable (...)" is
    /// not-reachable, "Certificate out-of-sync (...)" is out-of-sync, "Failed" and validation failures are failed;
    /// TCP "Connected" (and the skeleton's plain "Connected") is connected; anything else (FIPS mismatch) is other.
    /// </summary>
    public static string Peer(string status)
    {
        if (status == PeerStatus.SecureText) return "secure";
        if (status.StartsWith("Not reachable", StringComparison.OrdinalIgnoreCase)) return "not-reachable";
        if (status.Contains("out-of-sync", StringComparison.OrdinalIgnoreCase)) return "out-of-sync";
        if (status == PeerStatus.FailedText || status.StartsWith(PeerStatus.ValidationFailedPrefix, StringComparison.Ordinal)) return "failed";
        if (status.StartsWith("Connected", StringComparison.OrdinalIgnoreCase)) return "connected";
        return "other";
    }

    /// <summary>A service's status (Started, Starting, Stopping, Stopped) as a class: started, starting, stopping, stopped.</summary>
    public static string Service(string status) => status.ToLowerInvariant() switch
    {
        "started" => "started",
        "starting" => "starting",
        "stopping" => "stopping",
        "stopped" => "stopped",
        _ => "other",
    };
}
