using ImpClusterSim.Cli.Bench;

namespace ImpClusterSim.Cli.Tests.Bench;

public sealed class BenchFigureTests
{
    private static BenchFigure Figure(BenchTarget target, params double[] samples) => new("f", "m", "a figure", "s", target, [.. samples]);

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_whatever_the_order()
    {
        var f = Figure(BenchTarget.AtMost(2, "test"), 3.0, 1.0, 2.5);
        Assert.Equal(2.5, f.Median);
        Assert.Equal(1.0, f.Min);
        Assert.Equal(3.0, f.Max);
        Assert.Equal((3.0 - 1.0) / 2.5, f.RelativeSpread, 10);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(2.5, Figure(BenchTarget.AtMost(2, "test"), 4.0, 1.0, 2.0, 3.0).Median);
    }

    [Fact]
    public void One_sample_has_no_spread()
    {
        var f = Figure(BenchTarget.AtLeast(1, "test"), 7.0);
        Assert.Equal(7.0, f.Median);
        Assert.Equal(0, f.RelativeSpread);
    }

    [Theory]
    [InlineData(1.9, "pass")]
    [InlineData(2.0, "pass")]
    [InlineData(2.1, "short")]
    public void An_at_most_target_passes_up_to_its_value(double median, string verdict)
    {
        Assert.Equal(verdict, Figure(BenchTarget.AtMost(2, "test"), median).Verdict);
    }

    [Theory]
    [InlineData(39_999, "short")]
    [InlineData(40_000, "pass")]
    [InlineData(90_000, "pass")]
    public void An_at_least_target_passes_from_its_value(double median, string verdict)
    {
        Assert.Equal(verdict, Figure(BenchTarget.AtLeast(40_000, "test"), median).Verdict);
    }

    [Fact]
    public void The_verdict_follows_the_median_not_the_best_or_worst_sample()
    {
        // Two of three repetitions over the bound: short, though the best one was within it.
        Assert.Equal("short", Figure(BenchTarget.AtMost(2, "test"), 1.0, 2.5, 3.0).Verdict);
        Assert.Equal("pass", Figure(BenchTarget.AtMost(2, "test"), 1.0, 1.5, 30.0).Verdict);
    }

    [Theory]
    [InlineData(123456.7, "123,457")]
    [InlineData(0.94, "0.940")]
    [InlineData(12.34, "12.3")]
    [InlineData(0.0045, "0.0045")]
    public void Figures_are_printed_with_about_three_significant_digits(double value, string text)
    {
        Assert.Equal(text, BenchFigure.Format(value));
    }

    [Fact]
    public void The_runner_gathers_one_value_per_repetition_in_order_and_reports_each_step()
    {
        var spec = new FigureSpec("count", "calls so far", "calls", BenchTarget.AtLeast(1, "test"));
        var calls = 0;
        var measurement = new BenchMeasurement("counter", "kernel", "a counter", () => [new BenchSample(spec, ++calls)]);
        var progress = new List<string>();

        var figures = BenchRunner.Run([measurement], 3, progress.Add);

        var f = Assert.Single(figures);
        Assert.Equal([1.0, 2.0, 3.0], f.Samples.ToArray());
        Assert.Equal("counter", f.Group);
        Assert.Equal(2.0, f.Median);
        Assert.Contains("[1/3] repetition 1 of 3: a counter ...", progress);
        Assert.Contains("[3/3] repetition 3 of 3: a counter ...", progress);
        Assert.Equal(6, progress.Count);
    }
}
