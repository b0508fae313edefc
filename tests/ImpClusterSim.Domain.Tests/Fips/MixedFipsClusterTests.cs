using ImpClusterSim.Domain.Fips;

namespace ImpClusterSim.Domain.Tests.Fips;

public sealed class MixedFipsClusterTests
{
    [Fact]
    public void A_cluster_whose_nodes_are_in_different_modes_is_reported()
    {
        var report = MixedFipsCluster.Check("imp-a",
        [
            new("imp-a-sub1", FipsMode.NonFips),
            new("imp-a-pub", FipsMode.Fips),
            new("imp-a-sub2", FipsMode.NonFips),
        ]);

        Assert.NotNull(report);
        Assert.Equal(["imp-a-pub"], report.FipsNodes.ToArray());
        Assert.Equal(["imp-a-sub1", "imp-a-sub2"], report.NonFipsNodes.ToArray());
        Assert.Contains("mixed clusters are not allowed", report.Line);
        Assert.StartsWith("Cluster imp-a has nodes in different FIPS modes (FIPS: imp-a-pub; non-FIPS: imp-a-sub1, imp-a-sub2)", report.Line);
    }

    [Theory]
    [InlineData(FipsMode.Fips)]
    [InlineData(FipsMode.NonFips)]
    public void A_cluster_in_one_mode_is_not_reported(FipsMode mode)
    {
        Assert.Null(MixedFipsCluster.Check("imp-a", [new("imp-a-pub", mode), new("imp-a-sub1", mode)]));
    }
}
