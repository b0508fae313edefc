namespace ImpClusterSim.Domain.Services;

/// <summary>
/// Where Serviceability lists a service: Control Center - Network Services (always activated) or Control Center -
/// Feature Services (activated in Service Activation).
/// </summary>
public enum ServiceCategory
{
    Network,
    Feature,
}
