using ImpClusterSim.Live;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Storage;
using ImpClusterSim.Node.Skeleton;
using ImpClusterSim.Node.Wire;

namespace ImpClusterSim.Live.Tests;

public sealed class SqliteDurableStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "impsim-live-store-" + Guid.NewGuid().ToString("N"));

    private SqliteDurableStore Open() => new(Path.Combine(_dir, "node.db"), LiveCodecs.Registry);

    [Fact]
    public void A_value_put_is_read_back_after_the_file_is_closed_and_opened_again()
    {
        using (var store = Open())
        {
            store.Put("icsa/ledger", PeerSyncLedger.Empty.Count("imp-b-pub").Count("imp-b-pub").Count("imp-c-pub"));
            store.Put("probe/upload/a", new StoredUpload("a", [1, 2, 3], [9]));
        }
        using var reopened = Open();
        Assert.True(reopened.TryGet<PeerSyncLedger>("icsa/ledger", out var ledger));
        Assert.Equal(2, ledger.SuccessfulSyncs["imp-b-pub"]);
        Assert.Equal(1, ledger.SuccessfulSyncs["imp-c-pub"]);
        Assert.True(reopened.TryGet<StoredUpload>("probe/upload/a", out var upload));
        Assert.Equal([1, 2, 3], upload.Content);
    }

    [Fact]
    public void A_put_replaces_the_value_and_a_delete_removes_it()
    {
        using var store = Open();
        store.Put("live/incarnation", new IncarnationRecord(1));
        store.Put("live/incarnation", new IncarnationRecord(2));
        Assert.True(store.TryGet<IncarnationRecord>("live/incarnation", out var r));
        Assert.Equal(2, r.Number);
        Assert.True(store.Delete("live/incarnation"));
        Assert.False(store.Delete("live/incarnation"));
        Assert.False(store.TryGet<IncarnationRecord>("live/incarnation", out _));
    }

    [Fact]
    public void A_value_of_another_type_is_not_returned_as_the_asked_type()
    {
        using var store = Open();
        store.Put("k", new IncarnationRecord(1));
        Assert.False(store.TryGet<PeerSyncLedger>("k", out _));
    }

    [Fact]
    public void Keys_match_the_prefix_literally_in_ordinal_order()
    {
        using var store = Open();
        foreach (var key in new[] { "p/b", "p/a", "p%x", "p_/c", "q/a", "P/z" }) store.Put(key, new IncarnationRecord(1));
        Assert.Equal(["p/a", "p/b"], store.Keys("p/"));
        Assert.Equal(["p%x"], store.Keys("p%"));
        Assert.Equal(["p_/c"], store.Keys("p_"));
        Assert.Equal(["P/z", "p%x", "p/a", "p/b", "p_/c", "q/a"], store.Keys(""));
    }

    [Fact]
    public void A_value_without_a_codec_is_refused_and_nothing_is_written()
    {
        using var store = Open();
        var e = Assert.Throws<WireFormatException>(() => store.Put("k", new Uri("http://example.com")));
        Assert.Contains("no codec for System.Uri", e.Message);
        Assert.Empty(store.Keys(""));
        Assert.Equal(0, store.Writes);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
