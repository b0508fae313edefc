namespace ImpClusterSim.Domain.Fips;

/// <summary>
/// A fault in the FIPS 140-2 startup self-tests (the guide, "Node Reboot in FIPS 140-2 Mode"): a transient one
/// halts the node until it is restarted; a persistent one halts it on every boot until it is recovered with the
/// recovery CD.
/// </summary>
public enum SelfTestFault
{
    None,
    Transient,
    Persistent,
}
