namespace ImpClusterSim.Domain.Services;

/// <summary>Why a service is stopped; shown after the status in <c>utils service list</c> (domain facts 5.3).</summary>
public enum StoppedReason
{
    /// <summary>Not stopped, or stopped without a reason to show.</summary>
    None,

    /// <summary>Never activated, or deactivated, in Service Activation: "Service Not Activated".</summary>
    NotActivated,

    /// <summary>Stopped by an administrator: "Commanded Out of Service".</summary>
    CommandedOutOfService,

    /// <summary>Down without an administrator's stop (taken down by the XCP Router, node down): "Component is not running".</summary>
    NotRunning,
}
