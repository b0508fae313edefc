namespace ImpClusterSim.Domain.Banner;

/// <summary>The interfaces that show the login banner (the guide, "Create Login Banner"), plus the admin CLI.</summary>
public enum LoginInterface
{
    ImAndPresenceAdministration,
    OperatingSystemAdministration,
    Serviceability,
    Reporting,
    DisasterRecoverySystem,
    UserOptions,
    AdminCli,
}
