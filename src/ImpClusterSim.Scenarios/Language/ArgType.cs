namespace ImpClusterSim.Scenarios.Language;

/// <summary>The value type of one argument of an operation, fault or condition; the validator checks it.</summary>
public enum ArgType
{
    /// <summary>Any non-empty text.</summary>
    Text,

    /// <summary>A duration: 90s, 10m, 1h30m, 2d, 250ms.</summary>
    Duration,

    /// <summary>A duration with an optional sign: -2h, 400d, +30m.</summary>
    SignedDuration,

    /// <summary>A duration or a range of durations: 30s, 5s..60s.</summary>
    DurationRange,

    /// <summary>true or false.</summary>
    Bool,

    /// <summary>A whole number, 0 or more.</summary>
    Count,

    /// <summary>A probability: a number from 0 to 1, or a percentage such as 2.5%.</summary>
    Probability,

    /// <summary>One of a fixed list of words (<see cref="ArgSpec.Values"/>).</summary>
    Choice,

    /// <summary>Words of a fixed list (<see cref="ArgSpec.Values"/>): one, or a list of them.</summary>
    ChoiceList,

    /// <summary>The name of a node of the deployment.</summary>
    Node,

    /// <summary>Nodes or clusters of the deployment: one name or a list; a cluster stands for all its nodes.</summary>
    Endpoints,

    /// <summary>The name of a cluster (IM&amp;P or CUCM) of the deployment.</summary>
    Cluster,

    /// <summary>An IM&amp;P peer: the name of an IM&amp;P cluster or of its publisher node.</summary>
    Peer,

    /// <summary>The name of a certificate authority declared under 'cas'.</summary>
    Ca,

    /// <summary>A service's exact display name, as in the service catalogue ("Cisco Tomcat").</summary>
    Service,

    /// <summary>A mapping of names to text values, kept as data.</summary>
    TextMap,
}
