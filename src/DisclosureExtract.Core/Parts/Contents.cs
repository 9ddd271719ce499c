using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Parts;

/// <summary>A table of contents repeats every heading and table title; none of its lines starts a part or a table.</summary>
public static partial class Contents
{
    [GeneratedRegex(@"(…{2,}|\.{4,}|·{4,}|-{4,}|_{4,})")]
    private static partial Regex Leader();

    /// <summary>A title followed by its page number: "收支总表 3", "一、收支总表……3" (the leaders are matched apart).</summary>
    [GeneratedRegex(@"[\u4e00-\u9fff]{2}[表况明释]\)?\s+\d{1,3}$")]
    private static partial Regex TrailingPageNumber();

    /// <summary>A line of a table of contents: dot leaders, or a title followed by a page number.</summary>
    public static bool IsContentsLine(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        return Leader().IsMatch(norm) || TrailingPageNumber().IsMatch(norm);
    }

    /// <summary>
    /// Pages (where the reader knows them, as in a PDF) that start with 目录: a table of contents repeats
    /// every heading, with or without dot leaders.
    /// </summary>
    public static HashSet<int> Pages(SourceDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var pages = new HashSet<int>();
        foreach (var line in doc.Lines)
        {
            if (line.Page is { } page && line.Number <= 3
                && line.Norm.Replace(" ", string.Empty, StringComparison.Ordinal) is "目录" or "目次" or "报表目录")
            {
                pages.Add(page);
            }
        }

        return pages;
    }
}
