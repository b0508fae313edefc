namespace ImpClusterSim.Pki;

/// <summary>How a key pool served its requests: keys generated, keys taken from the RSA pool, cache hits.</summary>
public sealed record KeyPoolStatistics(long Generated, long FromPool, long CacheHits);
