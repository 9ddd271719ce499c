using System.Buffers;
using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Parts;

/// <summary>A table of contents repeats every heading and table title; none of its lines starts a part or a table.</summary>
public static partial class Contents
{
    [GeneratedRegex(@"(…{2,}|\.{4,}|·{4,}|-{4,}|_{4,})")]
    internal static partial Regex Leader();

    /// <summary>A title followed by its page number: "收支总表 3", "一、收支总表……3" (the leaders are matched apart).</summary>
    [GeneratedRegex(@"[\u4e00-\u9fff]{2}[表况明释]\)?\s+\d{1,3}$")]
    internal static partial Regex TrailingPageNumber();

    /// <summary>A line of a table of contents: dot leaders, or a title followed by a page number.</summary>
    public static bool IsContentsLine(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        return HasLeader(norm) || (EndsWithDigit(norm) && TrailingPageNumber().IsMatch(norm));
    }

    private static readonly SearchValues<char> LeaderChars = SearchValues.Create("….·-_");

    /// <summary>What <see cref="Leader"/> matches, without it: a run of two … or of four of . · - _. The pattern's
    /// search for its five strings (two of them not ASCII) went character by character through a dictionary, 2.5% of
    /// a text batch.</summary>
    internal static bool HasLeader(string norm)
    {
        var s = norm.AsSpan();
        var i = 0;
        while (i < s.Length)
        {
            var k = s[i..].IndexOfAny(LeaderChars);
            if (k < 0)
            {
                return false;
            }

            i += k;
            var c = s[i];
            var run = 1;
            while (i + run < s.Length && s[i + run] == c)
            {
                run++;
            }

            if (run >= (c == '…' ? 2 : 4))
            {
                return true;
            }

            i += run;
        }

        return false;
    }

    /// <summary>What <see cref="TrailingPageNumber"/> needs at the end (a digit, before a final line feed if any),
    /// tested first: the pattern is tried at every Chinese character of a line, and most lines do not end in a digit.</summary>
    internal static bool EndsWithDigit(string norm)
    {
        var end = norm.EndsWith('\n') ? norm.Length - 1 : norm.Length;
        return end > 0 && char.IsDigit(norm[end - 1]);
    }

    /// <summary>
    /// The lines of a table of contents: after a 目录 line, the short heading-like lines that follow it (over a page
    /// break too), up to the first heading that comes again — the body starts where the contents' first entry is
    /// printed a second time — or to running text.
    /// </summary>
    public static HashSet<int> Lines(SourceDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var lines = new HashSet<int>();
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            if (!IsContentsHeading(doc.Lines[i].Norm))
            {
                continue;
            }

            lines.Add(i);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var run = new List<int>();
            var afterPageBreak = -1;
            for (var j = i + 1; j < doc.Lines.Count; j++)
            {
                var line = doc.Lines[j];
                var t = Entry(line.Norm);
                if (t.Length == 0)
                {
                    continue;
                }

                if (!seen.Add(t) && t.Length >= 4)
                {
                    break; // an entry printed again: the body starts here (not a wrapped tail such as 说明)
                }

                if (t.Length > 60 || t.Contains('。', StringComparison.Ordinal) || t.Contains('，', StringComparison.Ordinal))
                {
                    // running text: the contents ended before it — at the page break, when they ran over one (the
                    // headings on the new page are the body's)
                    if (afterPageBreak >= 0)
                    {
                        // the run is in line order: drop its tail from the page break on
                        var keep = 0;
                        while (keep < run.Count && run[keep] < afterPageBreak)
                        {
                            keep++;
                        }

                        run.RemoveRange(keep, run.Count - keep);
                    }

                    break;
                }

                if (afterPageBreak < 0 && run.Count > 0 && line.Page is { } p && doc.Lines[run[^1]].Page is { } q && p != q)
                {
                    afterPageBreak = j;
                }

                run.Add(j);
            }

            lines.UnionWith(run);
        }

        return lines;
    }

    /// <summary>A contents entry as compared with the body's heading: no white space, leaders or page number.</summary>
    private static string Entry(string norm)
    {
        var t = Squeezed(Leader().Replace(norm, string.Empty));
        var end = t.Length;
        while (end > 0 && char.IsAsciiDigit(t[end - 1]))
        {
            end--;
        }

        return end > 0 && end < t.Length && t.Length - end <= 3 ? t[..end] : t;
    }

    private static string Squeezed(string norm) => norm.Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>The headings of a table of contents, printed alone on their line (spaced or not).</summary>
    private static readonly string[] Headings = ["目录", "目次", "报表目录"];

    /// <summary>A line that is one of <see cref="Headings"/> (tested on every line: no string is made for it).</summary>
    private static bool IsContentsHeading(string norm)
    {
        foreach (var heading in Headings)
        {
            if (SameWithoutSpaces(norm, heading))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameWithoutSpaces(string text, string word)
    {
        var w = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            if (w == word.Length || c != word[w])
            {
                return false;
            }

            w++;
        }

        return w == word.Length;
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
                && IsContentsHeading(line.Norm))
            {
                pages.Add(page);
            }
        }

        return pages;
    }
}
