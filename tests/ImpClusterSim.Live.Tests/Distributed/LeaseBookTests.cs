using ImpClusterSim.Live.Distributed;

namespace ImpClusterSim.Live.Tests.Distributed;

public sealed class LeaseBookTests
{
    private static readonly TimeSpan T0 = TimeSpan.Zero;

    [Fact]
    public void Leases_are_ranges_from_the_smallest_item_and_shrink_as_the_pool_empties()
    {
        var book = new LeaseBook(100);
        book.AddWorker("a", 2, T0);
        book.AddWorker("b", 2, T0);
        var first = book.Grant("a", 10)!.Value;
        Assert.Equal(Enumerable.Range(0, 10), first.Items);
        var second = book.Grant("b", 50)!.Value;
        Assert.Equal(10, second.Items[0]);
        Assert.True(second.Items.Length <= 12, $"a lease of {second.Items.Length} items when 90 are left for 4 runs at once");
        // Near the end, one item at a time.
        var small = new LeaseBook(3);
        small.AddWorker("a", 2, T0);
        small.AddWorker("b", 2, T0);
        Assert.Single(small.Grant("a", 10)!.Value.Items);
    }

    [Fact]
    public void A_lost_worker_s_unfinished_items_go_back_to_the_pool_and_are_leased_again()
    {
        var book = new LeaseBook(6);
        book.AddWorker("a", 1, T0);
        book.AddWorker("b", 1, T0);
        var lease = book.Grant("a", 2)!.Value;
        Assert.True(book.Record("a", lease.Items[0], "r0", failure: false));
        Assert.Equal(1, book.Lose("a"));
        Assert.False(book.Knows("a"));
        var again = new List<int>();
        while (book.Grant("b", 1) is { } l) again.AddRange(l.Items);
        Assert.Contains(lease.Items[1], again);
        Assert.DoesNotContain(lease.Items[0], again);
        Assert.Equal(5, again.Count);
    }

    [Fact]
    public void A_result_that_comes_twice_is_kept_once_and_the_book_completes_on_the_last_item()
    {
        var book = new LeaseBook(2);
        book.AddWorker("a", 1, T0);
        book.Grant("a", 2);
        Assert.True(book.Record("a", 0, "first", failure: true));
        Assert.False(book.Record("b", 0, "again", failure: true));
        Assert.Equal("first", book.Results[0]);
        Assert.Equal(1, book.Failures);
        Assert.False(book.Complete);
        Assert.True(book.Record("a", 1, "second", failure: false));
        Assert.True(book.Complete);
        Assert.False(book.Record("a", 2, "out of range", failure: false));
    }

    [Fact]
    public void A_worker_silent_longer_than_the_timeout_is_named_and_one_heard_recently_is_not()
    {
        var book = new LeaseBook(4);
        book.AddWorker("a", 1, T0);
        book.AddWorker("b", 1, T0);
        book.Heard("b", TimeSpan.FromSeconds(9));
        Assert.Equal(["a"], book.Silent(TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(10)));
        book.Lose("a");
        Assert.Empty(book.Silent(TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(10)));
        book.AddWorker("a", 1, TimeSpan.FromSeconds(12));
        Assert.True(book.Knows("a"));
    }
}
