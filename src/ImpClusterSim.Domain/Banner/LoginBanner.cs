namespace ImpClusterSim.Domain.Banner;

/// <summary>A validated banner: the uploaded file's name and its text (line endings normalised to '\n').</summary>
public sealed record LoginBanner(string FileName, string Text);
