namespace ImpClusterSim.Domain.Banner;

/// <summary>The interfaces' names exactly as the guide lists them.</summary>
public static class LoginInterfaceNames
{
    public static string Of(LoginInterface i) => i switch
    {
        LoginInterface.ImAndPresenceAdministration => "Cisco Unified CM IM and Presence Administration",
        LoginInterface.OperatingSystemAdministration => "Cisco Unified IM and Presence Operating System Administration",
        LoginInterface.Serviceability => "Cisco Unified IM and Presence Serviceability",
        LoginInterface.Reporting => "Cisco Unified IM and Presence Reporting",
        LoginInterface.DisasterRecoverySystem => "IM and Presence Disaster Recovery System",
        LoginInterface.UserOptions => "Cisco Unified CM IM and Presence User Options",
        LoginInterface.AdminCli => "admin CLI",
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };
}
