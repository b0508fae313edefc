namespace ImpClusterSim.Node.Ports;

/// <summary>
/// A node's disk: what survives a crash and a restart (certificate stores, configuration database). Each Put is atomic:
/// a crash either happened before it (nothing changed) or after it (all of it is there). Values must be immutable.
/// </summary>
public interface IDurableStore
{
    bool TryGet<T>(string key, out T value) where T : notnull;
    void Put<T>(string key, T value) where T : notnull;
    bool Delete(string key);
    IReadOnlyList<string> Keys(string prefix);
}
