namespace ImpClusterSim.Pki;

/// <summary>
/// Input that is not a readable certificate, chain or key. The message names the problem and where it is.
/// When <see cref="BrokenRule"/> is set, the input is a certificate (it decodes as DER with the shape of one) that
/// breaks an X.509 rule: an invalid certificate, which `impsim pki` reports with exit 1, not unreadable input.
/// </summary>
public sealed class PkiFormatException : Exception
{
    /// <summary>Creates the error for a certificate that breaks an X.509 rule (<paramref name="brokenRule"/>, with its RFC section).</summary>
    public PkiFormatException(string message, string brokenRule)
        : base(message)
    {
        BrokenRule = brokenRule;
    }

    /// <summary>The X.509 rule an otherwise decodable certificate breaks; null when the input is not a certificate at all.</summary>
    public string? BrokenRule { get; }

    /// <summary>True when the input is a certificate that breaks an X.509 rule (exit 1), not unreadable input (exit 2).</summary>
    public bool IsInvalidCertificate => BrokenRule is not null;

    public PkiFormatException(string message)
        : base(message)
    {
    }

    public PkiFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
