namespace ImpClusterSim.Pki;

public enum KeyPoolMode
{
    /// <summary>RSA keys come from the shared pool of pre-generated keys (slot chosen by hashing the key id).</summary>
    Pooled,

    /// <summary>Every key id gets its own freshly generated key (cached for the life of the process).</summary>
    Exact,
}
