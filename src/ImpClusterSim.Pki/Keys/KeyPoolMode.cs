namespace ImpClusterSim.Pki;

/// <summary>Where RSA keys come from (docs/pki.md, "Key pool"): a shared pool (fast, the default) or generated per key id.</summary>
public enum KeyPoolMode
{
    /// <summary>RSA keys come from the shared pool of pre-generated keys (slot chosen by hashing the key id).</summary>
    Pooled,

    /// <summary>Every key id gets its own freshly generated key (cached for the life of the process).</summary>
    Exact,
}
