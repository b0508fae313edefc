using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// The valid range of every duration, instant, count and setting a scenario (or a command line, or the shell) can give:
/// the one place the validator, the CLI, the shell and <c>--set</c> overrides take them from (docs/scenarios.md,
/// "Valid ranges"). Durations are virtual time. A value outside its range is a validation error at its file:line:column
/// (or a usage error, exit 2) before anything runs, so the simulation core can add any two of them to the run's start
/// without overflow.
/// </summary>
public static class ValueRanges
{
    /// <summary>
    /// The longest horizon a run may have (<c>until:</c>, <c>--until</c>, the shell's <c>advance</c> in total): 400 virtual
    /// days, a year of certificate life plus a margin. A day of a small deployment takes a few wall seconds, so the
    /// largest run takes tens of minutes and shows progress on a terminal.
    /// </summary>
    public static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(400);

    /// <summary>The largest duration any value may be (100 years): run start plus any sum of a few stays far inside year 9999.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(36500);

    /// <summary>Any duration of the language without a range of its own: step times, waits, fault windows, within, restart-after.</summary>
    public static readonly DurationBounds AnyDuration = new(TimeSpan.Zero, MaxDuration, "a duration");

    /// <summary>The run's horizon (<c>until</c>): longer than 0s, at most <see cref="MaxHorizon"/>.</summary>
    public static readonly DurationBounds Horizon = new(TimeSpan.FromMilliseconds(1), MaxHorizon, "the horizon");

    /// <summary>A step's time or a fault's start (from the run's start): within the largest horizon.</summary>
    public static readonly DurationBounds Offset = new(TimeSpan.Zero, MaxHorizon, "a time from the start");

    /// <summary>
    /// A clock-skew offset, either sign: at most 10 years, so that a skewed node's clock and the certificate dates it
    /// reads (X.509 UTCTime, RFC 5280 4.1.2.5) stay representable.
    /// </summary>
    public static readonly DurationBounds ClockSkew = new(TimeSpan.FromDays(-3650), TimeSpan.FromDays(3650), "a clock skew");

    /// <summary>The Cisco Intercluster Sync Agent's periodic sync (default 30m): a zero interval would never let time pass.</summary>
    public static readonly DurationBounds IcsaInterval = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), "the ICSA sync interval");

    /// <summary>The ICSA retry after a failed sync (default 5m).</summary>
    public static readonly DurationBounds IcsaRetry = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), "the ICSA retry interval");

    /// <summary>The Inter-cluster Peer Status panel refresh (default 60s).</summary>
    /// <summary>The Cisco Certificate Change Notification check: a second to a day.</summary>
    public static readonly DurationBounds CertificateChangeCheck = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "the certificate change check");

    public static readonly DurationBounds PeerStatusRefresh = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "the peer status refresh");

    /// <summary>Each end of the cluster replication delay range (default 5s..60s).</summary>
    public static readonly DurationBounds ReplicationDelay = new(TimeSpan.Zero, TimeSpan.FromDays(1), "the replication delay");

    /// <summary>Each end of a service's start or stop duration range.</summary>
    public static readonly DurationBounds ServiceTransition = new(TimeSpan.Zero, TimeSpan.FromHours(6), "a service start or stop duration");

    /// <summary>Each end of a one-way link latency range.</summary>
    public static readonly DurationBounds Latency = new(TimeSpan.Zero, TimeSpan.FromHours(1), "a one-way latency");

    /// <summary>A name-resolution fault's delay (docs/chaos.md): from 0 to a day.</summary>
    public static readonly DurationBounds ResolutionDelay = new(TimeSpan.Zero, TimeSpan.FromDays(1), "a name-resolution delay");

    /// <summary>A scenario CA's validity from the start (default 3650d): at least a second, at most 30 years.</summary>
    public static readonly DurationBounds CaValidity = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(10950), "a CA's validity");

    /// <summary>A basic-constraints path length (RFC 5280 4.2.1.9): 0 to 16 (deeper chains are not real deployments).</summary>
    public static readonly (int Min, int Max) PathLength = (0, 16);

    /// <summary>A TCP port: 1 to 65535.</summary>
    public static readonly (int Min, int Max) Port = (1, 65535);

    /// <summary>Any other whole number of the language: 0 to 1,000,000.</summary>
    public static readonly (int Min, int Max) AnyCount = (0, 1_000_000);

    /// <summary>
    /// The deployment settings by their path under <c>deployment.settings</c> (as <c>--set</c> names them), each with
    /// its type and range. Probabilities are 0 to 1 (or 0% to 100%); choices list their words.
    /// </summary>
    public static ImmutableArray<SettingSpec> Settings { get; } =
    [
        new("timings.icsa-interval", ArgType.Duration, IcsaInterval, "the Intercluster Sync Agent's periodic sync (default 30m)"),
        new("timings.icsa-retry", ArgType.Duration, IcsaRetry, "the retry after a failed sync (default 5m)"),
        new("timings.replication-delay", ArgType.DurationRange, ReplicationDelay, "the cluster replication delay of trust certificates (default 5s..60s)"),
        new("timings.peer-status-refresh", ArgType.Duration, PeerStatusRefresh, "the Inter-cluster Peer Status panel refresh (default 60s)"),
        new("timings.certificate-change-check", ArgType.Duration, CertificateChangeCheck, "how often Cisco Certificate Change Notification copies back trust certificates deleted on one node only (default 5m)"),
        new("network.latency", ArgType.DurationRange, Latency, "one-way latency: 2ms or 1ms..5ms"),
        new("network.distribution", ArgType.Choice, null, "how latency is drawn within its range (default uniform)", ScenarioVocabulary.LatencyDistributions),
        new("network.loss", ArgType.Probability, null, "probability that a message is lost"),
        new("network.duplication", ArgType.Probability, null, "probability that a message is delivered twice"),
        new("network.reorder", ArgType.Probability, null, "probability that a message overtakes the one before it"),
        new("key-algorithm", ArgType.Choice, null, "the key algorithm of the nodes' certificates (default rsa-2048)", ScenarioVocabulary.KeyAlgorithms),
        new("trust-deletion", ArgType.Choice, null, "where a trust certificate deletion takes effect: per-node (9.0(1), default) or cluster (11.0 and later)", ScenarioVocabulary.TrustDeletionScopes),
    ];

    /// <summary>The setting at a path such as "timings.icsa-interval", or null.</summary>
    public static SettingSpec? Setting(string path) => Settings.FirstOrDefault(s => s.Path == path);

    /// <summary>The range of a duration argument of the language by its key, or <see cref="AnyDuration"/>.</summary>
    internal static DurationBounds ForDuration(string key) => key switch
    {
        "icsa-interval" => IcsaInterval,
        "icsa-retry" => IcsaRetry,
        "peer-status-refresh" => PeerStatusRefresh,
        "certificate-change-check" => CertificateChangeCheck,
        "replication-delay" => ReplicationDelay,
        "latency" => Latency,
        "start" or "stop" => ServiceTransition,
        "validity" => CaValidity,
        "offset" => ClockSkew,
        "delay" => ResolutionDelay,
        "until" => Horizon,
        _ => AnyDuration,
    };

    /// <summary>The range of a whole-number argument by its key.</summary>
    internal static (int Min, int Max) ForCount(string key) => key switch
    {
        "path-length" => PathLength,
        "port" => Port,
        _ => AnyCount,
    };
}
