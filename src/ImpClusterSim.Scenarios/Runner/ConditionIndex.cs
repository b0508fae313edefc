using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Every condition of a scenario numbered in one order: the expectations, then the assumptions, each condition before
/// the ones inside it ('not'). Two processes that load the same scenario file number it the same way, so a live
/// coordinator names a condition to a node process by its number.
/// </summary>
internal sealed class ConditionIndex
{
    private readonly List<Condition> _conditions = [];
    private readonly Dictionary<Condition, int> _numbers = new(ReferenceEqualityComparer.Instance);

    public ConditionIndex(Scenario scenario)
    {
        foreach (var condition in scenario.Expectations.Select(e => e.Condition).Concat(scenario.Assumptions.Select(a => a.Condition))) Add(condition);
    }

    public int Count => _conditions.Count;

    /// <summary>The condition numbered <paramref name="number"/>; null when there is none (a different scenario file).</summary>
    public Condition? this[int number] => number >= 0 && number < _conditions.Count ? _conditions[number] : null;

    /// <summary>The number of <paramref name="condition"/> (the very object read from the scenario); throws if it is not one of its conditions.</summary>
    public int NumberOf(Condition condition) =>
        _numbers.TryGetValue(condition, out var n) ? n : throw new ArgumentException($"condition '{condition.Kind}' is not one of the scenario's", nameof(condition));

    public IEnumerable<Condition> All => _conditions;

    private void Add(Condition condition)
    {
        _numbers[condition] = _conditions.Count;
        _conditions.Add(condition);
        if (condition is Not not) Add(not.Inner);
    }
}
