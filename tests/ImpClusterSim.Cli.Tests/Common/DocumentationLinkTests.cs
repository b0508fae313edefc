using System.Text.RegularExpressions;

namespace ImpClusterSim.Cli.Tests.Common;

/// <summary>The README and docs/ link only to files that are in the repository, and never outside it.</summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        pages.Add("README.md");
        foreach (var f in Directory.GetFiles(RepoRoot.File("docs"), "*.md").Order(StringComparer.Ordinal))
            pages.Add(Path.GetRelativePath(RepoRoot.Path, f));
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_link_of_a_page_resolves_to_a_file_of_the_repository(string page)
    {
        var file = RepoRoot.File(page);
        var broken = new List<string>();
        foreach (Match m in Link().Matches(File.ReadAllText(file)))
        {
            var target = m.Groups[1].Value.Split('#')[0];
            if (target.Length == 0) continue;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                broken.Add($"{target} (outside the repository)");
                continue;
            }
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
            if (!resolved.StartsWith(RepoRoot.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal)) broken.Add($"{target} (outside the repository)");
            else if (!File.Exists(resolved) && !Directory.Exists(resolved)) broken.Add($"{target} (missing)");
        }
        Assert.True(broken.Count == 0, $"{page}: {string.Join(", ", broken)}");
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
