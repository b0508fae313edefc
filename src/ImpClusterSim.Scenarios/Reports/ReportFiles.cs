namespace ImpClusterSim.Scenarios.Reports;

/// <summary>The paths of the four files a report is made of.</summary>
public sealed record ReportFiles(string Summary, string Trace, string JUnit, string Html);
