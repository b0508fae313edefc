namespace ImpClusterSim.Pki;

/// <summary>Input that is not a readable certificate, chain or key. The message names the problem and where it is.</summary>
public sealed class PkiFormatException : Exception
{
    public PkiFormatException(string message)
        : base(message)
    {
    }

    public PkiFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
