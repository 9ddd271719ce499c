using System.Text;

namespace DisclosureExtract.Reading;

/// <summary>
/// Strips the markdown-ish leftovers some converters leave in text: heading marks (## ), list
/// bullets, bold (**), and inline HTML tags such as &lt;b&gt; and &lt;br&gt;.
/// </summary>
public static class InlineMarkup
{
    /// <summary>Returns the printed text and whether the line was marked as a heading.</summary>
    public static (string Text, bool IsHeading) Strip(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var s = line;
        var heading = false;
        var trimmed = s.TrimStart(' ', '\u3000');
        if (trimmed.StartsWith('#'))
        {
            var i = 0;
            while (i < trimmed.Length && trimmed[i] == '#')
            {
                i++;
            }

            if (i <= 6 && (i == trimmed.Length || trimmed[i] == ' '))
            {
                heading = true;
                s = trimmed[i..].TrimStart();
            }
        }
        else if (trimmed.StartsWith("- ", StringComparison.Ordinal))
        {
            s = trimmed[2..];
        }

        if (s.Contains('<', StringComparison.Ordinal))
        {
            s = HtmlFragment.ToText(s);
        }

        if (s.Contains("**", StringComparison.Ordinal))
        {
            s = s.Replace("**", string.Empty, StringComparison.Ordinal);
        }

        return (s, heading);
    }
}

/// <summary>HTML fragments inside text lines, parsed with AngleSharp rather than regular expressions.</summary>
public static class HtmlFragment
{
    // one parser per thread: batches convert documents in parallel
    private static readonly ThreadLocal<AngleSharp.Html.Parser.HtmlParser> Parser = new(() => new AngleSharp.Html.Parser.HtmlParser());

    /// <summary>The text content of a fragment; &lt;br&gt; becomes a space. Text without a tag is returned as is.</summary>
    public static string ToText(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        if (!HasTag(fragment))
        {
            return fragment;
        }

        var doc = Parser.Value!.ParseDocument("<!DOCTYPE html><html><body>" + fragment + "</body></html>");
        var body = doc.Body;
        if (body is null)
        {
            return fragment;
        }

        foreach (var br in body.QuerySelectorAll("br").ToList())
        {
            br.Replace(doc.CreateTextNode(" "));
        }

        return body.TextContent;
    }

    private static bool HasTag(string s)
    {
        var i = s.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i + 1 < s.Length)
        {
            var c = s[i + 1];
            if (char.IsAsciiLetter(c) || c == '/' || c == '!')
            {
                return true;
            }

            i = s.IndexOf('<', i + 1);
        }

        return false;
    }
}
