namespace ImpClusterSim.Domain.Services;

/// <summary>A service's status as Serviceability shows it: Started, Starting, Stopped, Stopping (domain facts 5.3).</summary>
public enum ServiceStatus
{
    Stopped,
    Starting,
    Started,
    Stopping,
}
