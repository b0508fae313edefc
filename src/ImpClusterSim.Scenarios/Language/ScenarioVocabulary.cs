using System.Collections.Immutable;
using ImpClusterSim.Domain.Settings;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// Every operation, fault and condition of the scenario language with its arguments: the single list that the
/// validator enforces, the JSON Schema is generated from (docs/scenario.schema.json) and docs/scenarios.md describes.
/// </summary>
public static class ScenarioVocabulary
{
    public static readonly ImmutableArray<string> TrustStores = ["tomcat-trust", "cup-trust", "cup-xmpp-trust", "directory-trust", "CallManager-trust"];
    public static readonly ImmutableArray<string> CertificateUnits = ["tomcat", "cup", "cup-xmpp", "cup-xmpp-s2s", "CallManager"];
    public static readonly ImmutableArray<string> KeyAlgorithms = ["rsa-2048", "rsa-3072", "rsa-4096", "ec-p256", "ec-p384"];
    /// <summary>The keys a node's CSR can have: the deployment's algorithms plus RSA-1024 (refused in FIPS mode).</summary>
    public static readonly ImmutableArray<string> LeafKeyAlgorithms = ["rsa-1024", .. KeyAlgorithms];
    /// <summary>Signature hashes of a CA-issued leaf or a CSR (the VOS CSR page offers SHA1 and SHA256).</summary>
    public static readonly ImmutableArray<string> SignatureHashes = ["sha1", "sha256", "sha384", "sha512"];
    /// <summary>Where a trust certificate deletion takes effect: per-node (9.0(1)) or cluster (11.0 and later).</summary>
    public static readonly ImmutableArray<string> TrustDeletionScopes = ["per-node", "cluster"];
    public static readonly ImmutableArray<string> CaDefects = ["expired", "not-yet-valid", "sha1", "weak-key"];
    public static readonly ImmutableArray<string> LatencyDistributions = ["uniform", "normal", "exponential"];
    public static readonly ImmutableArray<string> ServiceStates = ["Started", "Starting", "Stopped", "Stopping"];

    /// <summary>Banner interfaces: kebab names, each standing for the guide's interface name (LoginInterfaceNames).</summary>
    public static readonly ImmutableArray<string> BannerInterfaces =
        ["im-and-presence-administration", "os-administration", "serviceability", "reporting", "disaster-recovery-system", "user-options", "admin-cli"];

    /// <summary>The security settings a 'setting' step may change, with the values each accepts (null: any domain name).</summary>
    public static readonly ImmutableDictionary<string, (SecuritySetting Setting, ImmutableArray<string>? Values)> Settings =
        new Dictionary<string, (SecuritySetting, ImmutableArray<string>?)>
        {
            ["sip-intra-cluster-transport"] = (SecuritySetting.SipIntraClusterTransport, ["TLS", "TCP", "UDP"]),
            ["xmpp-client-secure-mode"] = (SecuritySetting.XmppClientToImpSecureMode, ["on", "off"]),
            ["xmpp-router-secure-mode"] = (SecuritySetting.XmppRouterToRouterSecureMode, ["on", "off"]),
            ["web-client-secure-mode"] = (SecuritySetting.WebClientToImpSecureMode, ["on", "off"]),
            ["node-to-node-domain"] = (SecuritySetting.NodeToNodeDomain, null),
            ["use-domain-for-xmpp-cert"] = (SecuritySetting.UseDomainNameForXmppCertificateSubjectCommonName, ["on", "off"]),
        }.ToImmutableDictionary();

    // Argument lists two kinds share. Declared before the kind lists below: static initialisers run in textual order.
    private static readonly ImmutableArray<ArgSpec> NodeAndService =
        [R("node", ArgType.Node, "the node"), R("service", ArgType.Service, "the service's exact display name")];

    private static readonly ImmutableArray<ArgSpec> LinkProbabilities =
    [
        O("loss", ArgType.Probability, "probability that a message is lost"),
        O("duplication", ArgType.Probability, "probability that a message is delivered twice"),
        O("reorder", ArgType.Probability, "probability that a message overtakes the one before it"),
    ];

    private static readonly ImmutableArray<ArgSpec> StoreAndCa =
        [R("store", ArgType.Choice, "the trust store", TrustStores), R("ca", ArgType.Ca, "the scenario CA")];

    public static ImmutableArray<KindSpec> Operations { get; } =
    [
        Op("upload-trust", "Upload a CA certificate to a trust store (OS Administration > Security > Certificate Management > Upload Certificate).", "ca",
            R("store", ArgType.Choice, "the trust store, e.g. tomcat-trust", TrustStores),
            O("ca", ArgType.Ca, "the CA (under 'cas') whose certificate is uploaded; give 'ca' or 'file'"),
            O("file", ArgType.Text, "a PEM file to upload instead of a scenario CA, relative to the scenario file"),
            O("signer", ArgType.Ca, "the CA that signed the uploaded certificate, when it is given by file"),
            O("description", ArgType.Text, "the Description field of the upload form")),
        Op("upload-leaf", "Upload a CA-signed certificate for a unit, issued by a scenario CA from the node's CSR (or from a file).", "unit",
            R("unit", ArgType.Choice, "the certificate unit, e.g. tomcat", CertificateUnits),
            O("signed-by", ArgType.Ca, "the CA that signs the node's CSR; give 'signed-by' or 'file'"),
            O("file", ArgType.Text, "a PEM file to upload, relative to the scenario file"),
            O("description", ArgType.Text, "the Description field of the upload form"),
            O("key", ArgType.Choice, "with signed-by: the node first generates a CSR with this key (default: the pending CSR, else the unit's key)", LeafKeyAlgorithms),
            O("signature-hash", ArgType.Choice, "with signed-by: the hash the CA signs the certificate with (default sha256)", SignatureHashes)),
        Op("generate-csr", "Generate a certificate signing request for a unit.", "unit",
            R("unit", ArgType.Choice, "the certificate unit", CertificateUnits),
            O("key", ArgType.Choice, "the CSR's key (default: the unit's current key)", LeafKeyAlgorithms),
            O("hash", ArgType.Choice, "the CSR's signature hash (default sha256)", SignatureHashes)),
        Op("regenerate", "Regenerate a unit's self-signed certificate.", "unit",
            R("unit", ArgType.Choice, "the certificate unit", CertificateUnits)),
        Op("delete-trust", "Delete a certificate from a trust store.", null,
            R("store", ArgType.Choice, "the trust store", TrustStores),
            O("name", ArgType.Text, "the certificate's name as Certificate Management lists it; give 'name' or 'ca'"),
            O("ca", ArgType.Ca, "the scenario CA whose certificate is deleted")),
        Op("download-cert", "Download a unit's certificate (or its CSR) from the node.", "unit",
            R("unit", ArgType.Choice, "the certificate unit", CertificateUnits)),
        Op("start-service", "Start a service (Serviceability > Tools > Control Center).", "service",
            R("service", ArgType.Service, "the service's exact display name, e.g. Cisco Tomcat")),
        Op("stop-service", "Stop a service.", "service",
            R("service", ArgType.Service, "the service's exact display name")),
        Op("restart-service", "Restart a service.", "service",
            R("service", ArgType.Service, "the service's exact display name, e.g. Cisco Intercluster Sync Agent")),
        Op("add-peer", "Add an intercluster peer on an IM&P publisher (Presence > Inter-Clustering > Add New).", "peer",
            R("peer", ArgType.Peer, "the peer IM&P cluster or its publisher node"),
            O("protocol", ArgType.Choice, "the SIP protocol of the peer entry (default TCP)", ["TCP", "TLS"]),
            O("axl-user", ArgType.Text, "the AXL user name entered for the peer")),
        Op("delete-peer", "Delete an intercluster peer.", "peer",
            R("peer", ArgType.Peer, "the peer IM&P cluster or its publisher node")),
        Op("force-manual-sync", "Press Force Manual Sync on a peer entry.", "peer",
            R("peer", ArgType.Peer, "the peer IM&P cluster or its publisher node"),
            O("resync-tomcat", ArgType.Bool, "tick 'Also resync peer's Tomcat certificates' (default false)")),
        Op("fips-enable", "utils fips enable: regenerates the certificates and reboots the node.", null),
        Op("fips-disable", "utils fips disable: regenerates the certificates and reboots the node.", null),
        Op("setting", "Change a security setting (System > Security > Settings), saved but active only after the service that loads it restarts.", null,
            R("name", ArgType.Choice, "the setting", [.. Settings.Keys.Order(StringComparer.Ordinal)]),
            R("value", ArgType.Text, "the new value: TLS|TCP|UDP for the SIP transport, on|off for the modes, a domain name for node-to-node-domain")),
        Op("tls-peer-subject", "Add or remove a TLS peer subject (System > Security > TLS Peer Subjects).", "subject",
            R("subject", ArgType.Text, "the peer subject (the peer's FQDN or certificate subject CN)"),
            O("action", ArgType.Choice, "add (default) or remove", ["add", "remove"]),
            O("description", ArgType.Text, "the Description field")),
        Op("tls-context", "Select or deselect a peer subject in the TLS context (System > Security > TLS Context Configuration).", "subject",
            R("subject", ArgType.Text, "the TLS peer subject"),
            O("action", ArgType.Choice, "select (default) or deselect", ["select", "deselect"]),
            O("context", ArgType.Text, "the TLS context (default Default_Cisco_UPS_SIP_Proxy_Peer_Auth_TLS_Context)")),
        Op("banner", "Upload a login banner (OS Administration > Software Upgrades > Customized Logon Message).", "text",
            O("text", ArgType.Text, "the banner text; give 'text' or 'file'"),
            O("file", ArgType.Text, "a text file, relative to the scenario file")),
        Op("certificate-import-tool", "Run the Certificate Import Tool (System > Security > Certificate Import Tool).", "store",
            R("store", ArgType.Choice, "the trust store to import into", TrustStores),
            O("host", ArgType.Node, "the node whose certificate is imported (default: the CUCM publisher)"),
            O("port", ArgType.Count, "the port to connect to (default 5061)")),
        Op("sip-security-profile", "CUCM side: create a SIP trunk security profile (System > Security > SIP Trunk Security Profile).", "name",
            R("name", ArgType.Text, "the profile's name"),
            O("subject-cn", ArgType.Text, "X.509 Subject Name: the IM&P node's FQDN")),
        Op("sip-trunk", "CUCM side: create or update a SIP trunk to IM&P that uses a security profile.", "name",
            R("name", ArgType.Text, "the trunk's name"),
            O("subject-cn", ArgType.Text, "the IM&P node's FQDN the trunk points to"),
            O("security-profile", ArgType.Text, "the SIP trunk security profile the trunk uses")),
        Op("cli", "Run an admin CLI command on the node.", "command",
            R("command", ArgType.Text, "the command line, e.g. utils service restart Cisco Tomcat")),
        Op("menu", "A GUI action named by its menu path from the guide, kept as data.", "path",
            R("path", ArgType.Text, "the menu path, e.g. Cisco Unified IM and Presence OS Administration > Security > Certificate Management"),
            O("action", ArgType.Text, "the button or link pressed"),
            O("args", ArgType.TextMap, "form fields and their values")),
        Op("wait", "Let time pass: the next step starts this much later.", "duration",
            R("duration", ArgType.Duration, "how long to wait")),
    ];

    public static ImmutableArray<KindSpec> Faults { get; } =
    [
        new("partition", "Cut the network between two sets of nodes (both ways unless one-way).",
        [
            R("a", ArgType.Endpoints, "one side: node or cluster names, one or a list"),
            R("b", ArgType.Endpoints, "the other side"),
            O("one-way", ArgType.Bool, "true: only messages from a to b are dropped"),
        ]),
        new("heal", "Heal one partition (by its id) or all of them.", [R("id", ArgType.Text, "the id of the partition (or link change) to heal, or 'all'")], "id"),
        new("link", "Change the link between two sets of nodes.",
        [
            R("a", ArgType.Endpoints, "one side"),
            R("b", ArgType.Endpoints, "the other side"),
            O("latency", ArgType.DurationRange, "one-way latency: 5ms or 5ms..40ms"),
            O("distribution", ArgType.Choice, "how latency is drawn within its range", LatencyDistributions),
            .. LinkProbabilities,
        ]),
        new("crash", "Crash a node (power off); it comes back after restart-after if given.",
        [
            R("node", ArgType.Node, "the node"),
            O("restart-after", ArgType.Duration, "power the node on again after this long"),
        ], "node"),
        new("restart-node", "Reboot a node (utils system restart).", [R("node", ArgType.Node, "the node")], "node"),
        new("service-kill", "Kill a service's process; the platform restarts it.", NodeAndService),
        new("service-stop", "Stop a service behind the administrators' back.", NodeAndService),
        new("clock-skew", "Set a node's clock off by an offset (negative: behind).",
        [R("node", ArgType.Node, "the node"), R("offset", ArgType.SignedDuration, "the offset, e.g. -2h or 400d")]),
        new("fips-selftest-failure", "Make the FIPS self-test fail on a node at its next start.",
        [
            R("node", ArgType.Node, "the node"),
            O("mode", ArgType.Choice, "transient (fails once) or persistent (default transient)", ["transient", "persistent"]),
        ], "node"),
        new("name-resolution", "A node cannot resolve (or, with delay, resolves slowly) another node's host name; the other node still reaches it.",
        [
            R("node", ArgType.Node, "the node whose lookups fail"),
            R("host", ArgType.Node, "the node whose host name it cannot resolve"),
            O("delay", ArgType.Duration, "the name resolves, but only after this long (default: it does not resolve)"),
        ]),
        new("disk-failure", "Every write to a node's disk fails with an I/O error: the operation is refused, nothing is half-applied.",
            [R("node", ArgType.Node, "the node")], "node"),
    ];

    public static ImmutableArray<KindSpec> Conditions { get; } =
    [
        new("peer-status", "The Inter-cluster Peer Status a publisher shows for a peer.",
        [
            R("cluster", ArgType.Peer, "the IM&P cluster (or its publisher) whose panel is read"),
            R("peer", ArgType.Peer, "the peer IM&P cluster (or its publisher)"),
            R("equals", ArgType.Text, "the status text, e.g. Connection is secure"),
        ]),
        new("peer-certificate", "The Tomcat certificate a peer's publisher presented at the last intercluster sync (what the publisher's Cisco Intercluster Sync Agent received and validated or took): issued by a CA, or self-signed.",
        [
            R("cluster", ArgType.Peer, "the IM&P cluster (or its publisher) whose Cisco Intercluster Sync Agent is asked"),
            R("peer", ArgType.Peer, "the peer IM&P cluster (or its publisher) that presented the certificate"),
            O("issued-by", ArgType.Ca, "the scenario CA that signed it; give 'issued-by' or 'self-signed'"),
            O("self-signed", ArgType.Bool, "true: the peer presented a self-signed certificate; false: a CA-signed one"),
        ]),
        new("troubleshooter-passes", "Every Inter-Clustering line of the System Troubleshooter passes.", [R("cluster", ArgType.Cluster, "the IM&P cluster")], "cluster"),
        new("trust-store-contains", "The trust store of every target node holds the CA's certificate.", StoreAndCa, Target: TargetUse.Required),
        new("trust-store-lacks", "The trust store of no target node holds the CA's certificate.", StoreAndCa, Target: TargetUse.Required),
        new("own-cert-issued-by", "The unit's own certificate on every target node is issued by the CA.",
        [R("unit", ArgType.Choice, "the certificate unit", CertificateUnits), R("ca", ArgType.Ca, "the scenario CA")], Target: TargetUse.Required),
        new("service-state", "The service shows this state on every target node.",
        [R("service", ArgType.Service, "the service's exact display name"), R("state", ArgType.Choice, "the state", ServiceStates)], Target: TargetUse.Required),
        new("cli-output-contains", "A CLI command's output on every target node contains the text.",
        [R("command", ArgType.Text, "the command line"), R("text", ArgType.Text, "the text to find")], Target: TargetUse.Required),
        new("node-up", "Every target node is running.", [], Target: TargetUse.Required),
        new("no-fips-mismatch-exchange", "No certificates were exchanged between clusters in different FIPS modes.", []),
        new("secure-peers-when-trusted", "The ICSA invariant: a TLS peer whose Tomcat chain validates shows 'Connection is secure' within one sync.", []),
        new("acknowledged-changes-kept", "No acknowledged change is lost: every trust certificate an upload was accepted for stays in its store on that node (unless deleted or FIPS mode changed), across crashes.", []),
        new("converged", "Liveness: every configured TLS peer pair whose certificates allow it shows 'Connection is secure' on both panels, and the trust stores of every IM&P cluster agree on its nodes that are up.", []),
        new("banner-shown", "The login banner is shown on an interface of every target node.",
        [R("interface", ArgType.Choice, "the interface", BannerInterfaces), O("text", ArgType.Text, "text the banner contains")], "interface", TargetUse.Required),
        new("sip-trunk-secure", "Cisco CallManager on every target CUCM node reports the TLS SIP trunk secure (or, with secure: false, not secure).",
        [
            R("trunk", ArgType.Text, "the SIP trunk's name, e.g. IMP-Trunk"),
            O("destination", ArgType.Text, "one destination of the trunk (an IM&P node's FQDN); default: every destination"),
            O("secure", ArgType.Bool, "true (default): secure; false: not secure"),
        ], Target: TargetUse.Required),
        new("setting-active", "A security setting has this value active (loaded by the service that applies it) on every target IM&P node.",
        [
            R("name", ArgType.Choice, "the setting, as in the 'setting' operation", [.. Settings.Keys.Order(StringComparer.Ordinal)]),
            R("value", ArgType.Text, "the active value: TLS|TCP|UDP for the SIP transport, on|off for the modes, a domain name for node-to-node-domain"),
        ], Target: TargetUse.Required),
        new("not", "The condition inside does not hold, e.g. not: { node-up: { node: imp-a-pub } }.", []),
        new("step-accepted", "The labelled step has been played and the platform accepted it on every target node (optionally with this reply).",
        [R("label", ArgType.Text, "the step's label"), O("reply", ArgType.Text, "text the reply's first line contains")], "label"),
        new("step-refused", "The labelled step has been played and the platform refused it on every target node (optionally with this reply).",
        [R("label", ArgType.Text, "the step's label"), O("reply", ArgType.Text, "text the reply's first line contains")], "label"),
        new("event-seen", "A trace event has happened by now (docs/network.md, trace format), optionally on a node and with details containing texts.",
        [
            R("event", ArgType.Text, "the event's name, e.g. peer-status, certificate-exchange, service-state"),
            O("node", ArgType.Text, "the node it happened on, or 'scenario' / 'network' for run events"),
            O("details", ArgType.TextMap, "detail keys and a text each value must contain, e.g. { status: Connection is secure }"),
        ], "event"),
        new("troubleshooter-fails", "The System Troubleshooter's Inter-Clustering test fails on the cluster's publisher (with a failed line for the peer, when given).",
        [R("cluster", ArgType.Cluster, "the IM&P cluster"), O("peer", ArgType.Peer, "the peer IM&P cluster (or its publisher) the failed line names")], "cluster"),
    ];

    /// <summary>The keys of deployment.settings.timings (besides 'services').</summary>
    public static KindSpec TimingSettings { get; } = new("timings", "Timings of the model (docs/model.md); a missing key keeps the default.",
    [
        O("icsa-interval", ArgType.Duration, "the Intercluster Sync Agent's periodic sync (default 30m)"),
        O("icsa-retry", ArgType.Duration, "the retry after a failed sync (default 5m)"),
        O("replication-delay", ArgType.DurationRange, "the cluster replication delay of trust certificates (default 5s..60s)"),
        O("peer-status-refresh", ArgType.Duration, "the Inter-cluster Peer Status panel refresh (default 60s)"),
        O("certificate-change-check", ArgType.Duration, "how often Cisco Certificate Change Notification copies back trust certificates deleted on one node only (default 5m)"),
    ]);

    /// <summary>The keys of deployment.settings.network: the default link between any two nodes.</summary>
    public static KindSpec NetworkSettings { get; } = new("network", "The default link between any two nodes.",
    [
        O("latency", ArgType.DurationRange, "one-way latency: 2ms or 1ms..5ms"),
        O("distribution", ArgType.Choice, "how latency is drawn within its range (default uniform)", LatencyDistributions),
        .. LinkProbabilities,
    ]);

    /// <summary>The keys of one entry of 'cas'.</summary>
    public static KindSpec CaSettings { get; } = new("CA", "A certificate authority the scenario uses.",
    [
        R("name", ArgType.Text, "the CA's name in the scenario"),
        O("subject", ArgType.Text, "its subject CN (default: the name)"),
        O("signed-by", ArgType.Ca, "the CA that signs it (declared before it); none for a root"),
        O("path-length", ArgType.Count, "the basic-constraints path length"),
        O("key", ArgType.Choice, "its key algorithm (default rsa-2048)", KeyAlgorithms),
        O("validity", ArgType.Duration, "how long it is valid from the start (default 3650d)"),
        O("faults", ArgType.ChoiceList, "defects given on purpose", CaDefects),
    ]);

    public static IEnumerable<string> OperationNames => Operations.Select(o => o.Name);

    public static IEnumerable<string> FaultNames => Faults.Select(o => o.Name);

    public static IEnumerable<string> ConditionNames => Conditions.Select(o => o.Name);

    private static KindSpec Op(string name, string description, string? primary, params ArgSpec[] args) =>
        new(name, description, [.. args], primary, name == "wait" ? TargetUse.None : TargetUse.Required);

    private static ArgSpec R(string key, ArgType type, string description, ImmutableArray<string> values = default) => new(key, type, true, description, values);

    private static ArgSpec O(string key, ArgType type, string description, ImmutableArray<string> values = default) => new(key, type, false, description, values);
}
