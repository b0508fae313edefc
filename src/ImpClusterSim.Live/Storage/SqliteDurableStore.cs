using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Wire;
using Microsoft.Data.Sqlite;

namespace ImpClusterSim.Live.Storage;

/// <summary>
/// A node's disk in live mode: one SQLite database file per node (table <c>entries</c>: key, manifest, value bytes),
/// values written by their explicit codec (<see cref="CodecRegistry"/>). Every <see cref="Put{T}"/> and
/// <see cref="Delete"/> is one statement in its own transaction, committed with <c>synchronous = FULL</c> in WAL
/// mode before the call returns: a caller that acknowledges after the call acknowledges only what a <c>kill -9</c>
/// (or a power cut) cannot take back, and a crash mid-write leaves the value before or after, never half of it.
/// Thread-safe (one connection, one lock).
/// </summary>
public sealed class SqliteDurableStore : IDurableStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly CodecRegistry _codecs;
    private readonly Lock _lock = new();

    /// <summary>Opens (or creates) the database at <paramref name="path"/>; its directory is created if missing.</summary>
    public SqliteDurableStore(string path, CodecRegistry codecs)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _codecs = codecs;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL;");
        Execute("PRAGMA synchronous = FULL;");
        Execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY NOT NULL, manifest TEXT NOT NULL, value BLOB NOT NULL) WITHOUT ROWID;");
    }

    public string Path { get; }

    /// <summary>Puts and deletes committed since this store was opened.</summary>
    public long Writes { get; private set; }

    public bool TryGet<T>(string key, out T value) where T : notnull
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT manifest, value FROM entries WHERE key = $key;";
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            if (reader.Read() && _codecs.FromBytes((byte[])reader.GetValue(1), reader.GetString(0)) is T t)
            {
                value = t;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public void Put<T>(string key, T value) where T : notnull
    {
        var manifest = _codecs.ManifestOf(value.GetType());
        var bytes = _codecs.ToBytes(value);
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText =
                "INSERT INTO entries (key, manifest, value) VALUES ($key, $manifest, $value) " +
                "ON CONFLICT(key) DO UPDATE SET manifest = excluded.manifest, value = excluded.value;";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$manifest", manifest);
            command.Parameters.AddWithValue("$value", bytes);
            command.ExecuteNonQuery();
            Writes++;
        }
    }

    public bool Delete(string key)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM entries WHERE key = $key;";
            command.Parameters.AddWithValue("$key", key);
            Writes++;
            return command.ExecuteNonQuery() > 0;
        }
    }

    public IReadOnlyList<string> Keys(string prefix)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            // Ordinal order (BINARY collation), like the simulated disk; prefix matched exactly, not as a LIKE pattern.
            command.CommandText = "SELECT key FROM entries WHERE substr(key, 1, length($prefix)) = $prefix ORDER BY key COLLATE BINARY;";
            command.Parameters.AddWithValue("$prefix", prefix);
            using var reader = command.ExecuteReader();
            var keys = new List<string>();
            while (reader.Read()) keys.Add(reader.GetString(0));
            return keys;
        }
    }

    public void Dispose()
    {
        lock (_lock) _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
