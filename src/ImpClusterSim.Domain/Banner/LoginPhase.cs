namespace ImpClusterSim.Domain.Banner;

/// <summary>The banner shows both before and after a user logs in.</summary>
public enum LoginPhase
{
    BeforeLogin,
    AfterLogin,
}
