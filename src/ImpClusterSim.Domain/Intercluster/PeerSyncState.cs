using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// What the local Cisco Intercluster Sync Agent knows about one peer: its Certificate Status, the peer Tomcat
/// certificate it last took or validated, the result entries, "Last Synchronized Time" (12.5+ in the product; kept
/// as data), Associated Users and when the next sync is due. <see cref="Sync"/> is the sync algorithm of
/// docs/intercluster.md as a pure function.
/// </summary>
public sealed record PeerSyncState(
    InterclusterPeer Peer,
    PeerStatus Status,
    Certificate? KnownTomcatCertificate,
    SimInstant? LastSynchronized,
    SimInstant? LastAttempt,
    SimInstant NextSyncDue,
    int? AssociatedUsers,
    ImmutableArray<PeerResultEntry> Results,
    ImmutableArray<Certificate> LastPresentedChain,
    ImmutableArray<CertificateNotImported> NotImported)
{
    /// <summary>A newly added peer: "Failed" until its first successful sync, which is due at once.</summary>
    public static PeerSyncState New(InterclusterPeer peer, SimInstant now) =>
        new(peer, PeerStatus.Failed, null, null, null, now, null, [], [], []);

    public string PeerAddress => Peer.PeerAddress;

    /// <summary>True when the next sync takes the peer's Tomcat chain without validating it (a new relationship).</summary>
    public bool NeedsBootstrap => KnownTomcatCertificate is null;

    /// <summary>This state with its next sync due at <paramref name="at"/> (an immediate trigger).</summary>
    public PeerSyncState DueAt(SimInstant at) => this with { NextSyncDue = at };

    /// <summary>
    /// One sync attempt at the local clock <paramref name="now"/>:
    /// 1. local Sync Agent not finished: "Failed"; no answer from the peer: "Not reachable (...)";
    /// 2. TCP peer: synced, nothing exchanged;
    /// 3. FIPS modes differ: nothing exchanged, the status says which side is in FIPS mode;
    /// 4. a new relationship or "Also resync peer's Tomcat certificates": the presented chain is imported into
    ///    tomcat-trust without validation (the store's upload rules still apply);
    /// 5. the presented chain is validated against (the resulting) tomcat-trust at <paramref name="now"/>: invalid and
    ///    the leaf differs from the one taken before with no path to a trusted certificate: out-of-sync; invalid
    ///    otherwise: a status naming Pki's reasons;
    /// 6. valid: the CA certificates of the peer's tomcat-trust and cup-xmpp-trust (and with router-to-router secure
    ///    mode its cup-xmpp certificates) that the local stores lack are imported, and the status is
    ///    "Connection is secure" if the chain still validates after the imports.
    /// Success schedules the next sync a periodic interval later; failure, a retry later.
    /// </summary>
    public PeerSyncOutcome Sync(SyncAttempt attempt, SimInstant now, IcsaTimings timings)
    {
        var attempted = this with { LastAttempt = now };
        if (!attempt.LocalUserSyncComplete)
        {
            const string reason = "the local Cisco Sync Agent has not finished its user sync";
            return attempted.Fail(PeerStatus.Failed, [new PeerResultEntry(PeerResultEntry.AssociatedUsers, false, reason)],
                [], new IcsaAlarm(IcsaAlarm.PeerSyncFailed, PeerAddress, reason), now, timings);
        }
        if (attempt.Reachability != PeerReachability.Answered)
        {
            return attempted.Fail(PeerStatus.NotReachable, [Connectivity(false, PeerStatus.NotReachableText)], [],
                new IcsaAlarm(IcsaAlarm.AxlConnectionFailed, PeerAddress, attempt.Reachability.ToString()), now, timings);
        }
        if (!Peer.IsTls)
        {
            return attempted.Succeed(PeerStatus.TcpConnected, KnownTomcatCertificate, attempt, [], [], now, timings);
        }
        if (attempt.LocalFips != attempt.PeerFips)
        {
            var status = PeerStatus.FipsMismatch(attempt.LocalFips);
            return attempted.Fail(status, CertificateEntries(status), [],
                new IcsaAlarm(IcsaAlarm.PeerSyncFailed, PeerAddress, status.Text), now, timings);
        }
        var chain = attempt.PresentedTomcatChain;
        if (chain.IsDefaultOrEmpty)
        {
            var status = PeerStatus.ValidationFailed(["the peer presented no Tomcat certificate"]);
            return attempted.Fail(status, CertificateEntries(status), [],
                new IcsaAlarm(IcsaAlarm.CertificateValidationFailure, PeerAddress, status.Text), now, timings);
        }
        var leaf = chain[0];
        var fips = attempt.LocalFips;
        var imports = new List<CertificateImport>();
        var refused = new List<CertificateNotImported>();
        var tomcatTrust = attempt.LocalTomcatTrust;
        var take = NeedsBootstrap || attempt.ResyncTomcat;
        if (take)
        {
            tomcatTrust = Import(tomcatTrust, chain, fips, imports, refused);
        }
        var options = Tls.ImpValidators.JavaPkix(now.ToDateTime()) with { Fips = fips, RequireServerAuth = true, HostName = attempt.HostName };
        var result = ChainValidator.Validate(leaf, chain.Skip(1), tomcatTrust, options);
        var known = take ? leaf : KnownTomcatCertificate;
        attempted = attempted with { LastPresentedChain = chain, NotImported = [.. refused] };
        if (!result.IsValid)
        {
            var reachedTrust = result.Path.Count > 0 && tomcatTrust.Contains(result.Path[^1]);
            var changed = !take && !leaf.Equals(KnownTomcatCertificate) && !reachedTrust;
            var status = changed ? PeerStatus.OutOfSync : PeerStatus.ValidationFailed(result.Reasons);
            var alarm = new IcsaAlarm(changed ? IcsaAlarm.CertificateFingerPrintMismatch : IcsaAlarm.CertificateValidationFailure,
                PeerAddress, status.Text);
            return (attempted with { KnownTomcatCertificate = known }).Fail(status, CertificateEntries(status), [.. imports], alarm, now, timings);
        }

        var cupXmppTrust = attempt.LocalCupXmppTrust;
        tomcatTrust = Import(tomcatTrust, attempt.PeerTomcatTrust.Where(c => c.IsCertificateAuthority), fips, imports, refused);
        var xmppCandidates = attempt.PeerCupXmppTrust.Where(c => c.IsCertificateAuthority)
            .Concat(attempt.RouterToRouterSecure ? attempt.PeerCupXmppCertificates : []);
        Import(cupXmppTrust, xmppCandidates, fips, imports, refused);
        attempted = attempted with { NotImported = [.. refused] };
        var after = ChainValidator.Validate(leaf, chain.Skip(1), tomcatTrust, options);
        if (!after.IsValid)
        {
            var status = PeerStatus.ValidationFailed(after.Reasons);
            return (attempted with { KnownTomcatCertificate = leaf }).Fail(status, CertificateEntries(status), [.. imports],
                new IcsaAlarm(IcsaAlarm.CertificateValidationFailure, PeerAddress, status.Text), now, timings);
        }
        return attempted.Succeed(PeerStatus.Secure, leaf, attempt, [.. imports], [], now, timings);
    }

    /// <summary>
    /// Uploads <paramref name="candidates"/> in passes until no more is accepted, so a root given after its
    /// intermediate still goes first; records what was imported and what the store's rules refused.
    /// </summary>
    private static TrustStore Import(TrustStore store, IEnumerable<Certificate> candidates, bool fips,
        List<CertificateImport> imports, List<CertificateNotImported> refused)
    {
        var remaining = candidates.Distinct().ToList();
        var messages = new Dictionary<Certificate, string>();
        var progress = true;
        while (progress && remaining.Count > 0)
        {
            progress = false;
            foreach (var certificate in remaining.ToArray())
            {
                var upload = store.Upload(certificate, fips);
                switch (upload.Outcome)
                {
                    case TrustUploadOutcome.Added or TrustUploadOutcome.Replaced:
                        store = upload.Store;
                        imports.Add(new CertificateImport(store.Name, certificate));
                        remaining.Remove(certificate);
                        progress = true;
                        break;
                    case TrustUploadOutcome.AlreadyPresent:
                        remaining.Remove(certificate);
                        break;
                    default:
                        messages[certificate] = upload.Message;
                        break;
                }
            }
        }
        refused.AddRange(remaining.Select(c => new CertificateNotImported(store.Name, c, messages[c])));
        return store;
    }

    private PeerSyncOutcome Succeed(PeerStatus status, Certificate? known, SyncAttempt attempt, ImmutableArray<CertificateImport> imports,
        ImmutableArray<IcsaAlarm> alarms, SimInstant now, IcsaTimings timings)
    {
        var users = attempt.AssociatedUsers ?? AssociatedUsers;
        ImmutableArray<PeerResultEntry> results =
        [
            Connectivity(true, "answered"),
            .. Peer.IsTls ? [new PeerResultEntry(PeerResultEntry.CertificateStatus, true, status.Text)] : Array.Empty<PeerResultEntry>(),
            new PeerResultEntry(PeerResultEntry.AssociatedUsers, true, users?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
        ];
        var next = now + timings.PeriodicInterval;
        var state = this with
        {
            Status = status,
            KnownTomcatCertificate = known,
            LastSynchronized = now,
            NextSyncDue = next,
            AssociatedUsers = users,
            Results = results,
        };
        return new PeerSyncOutcome(state, imports, alarms, next);
    }

    private PeerSyncOutcome Fail(PeerStatus status, ImmutableArray<PeerResultEntry> results, ImmutableArray<CertificateImport> imports,
        IcsaAlarm alarm, SimInstant now, IcsaTimings timings)
    {
        var next = now + timings.RetryAfterFailure;
        return new PeerSyncOutcome(this with { Status = status, Results = results, NextSyncDue = next }, imports, [alarm], next);
    }

    private static PeerResultEntry Connectivity(bool passed, string detail) => new(PeerResultEntry.PeerConnectivityTest, passed, detail);

    private static ImmutableArray<PeerResultEntry> CertificateEntries(PeerStatus status) =>
        [Connectivity(true, "answered"), new PeerResultEntry(PeerResultEntry.CertificateStatus, false, status.Text)];
}
