namespace ImpClusterSim.Node.Runtime;

// What crosses the network between an IM&P publisher's Cisco Sync Agent and its CUCM cluster's publisher (Cisco Tomcat
// serving AXL). Immutable records: passed by reference in sim mode, serialized in live mode.

/// <summary>Cisco Sync Agent to the CUCM publisher's Cisco Tomcat (AXL): send me the end users to synchronize.</summary>
public sealed record UserSyncRequest(long RequestId);

/// <summary>The CUCM publisher's answer: the user sync can complete (with how many end users CUCM holds).</summary>
public sealed record UserSyncResponse(long RequestId, int Users);
