namespace ImpClusterSim.Domain.Services;

/// <summary>The services' display names, exactly as the guide and Serviceability write them.</summary>
public static class ServiceNames
{
    public const string CiscoTomcat = "Cisco Tomcat";
    public const string CiscoSipProxy = "Cisco SIP Proxy";
    public const string CiscoPresenceEngine = "Cisco Presence Engine";
    public const string CiscoXcpRouter = "Cisco XCP Router";
    public const string CiscoXcpConnectionManager = "Cisco XCP Connection Manager";
    public const string CiscoXcpWebConnectionManager = "Cisco XCP Web Connection Manager";
    public const string CiscoXcpXmppFederationConnectionManager = "Cisco XCP XMPP Federation Connection Manager";
    public const string CiscoInterclusterSyncAgent = "Cisco Intercluster Sync Agent";
    public const string CiscoAxlWebService = "Cisco AXL Web Service";
    public const string CiscoSyncAgent = "Cisco Sync Agent";
    public const string CiscoCallManager = "Cisco CallManager";
    public const string CiscoTftp = "Cisco TFTP";
    public const string CiscoCertificateChangeNotification = "Cisco Certificate Change Notification";
}
