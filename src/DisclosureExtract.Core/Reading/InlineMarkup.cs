using System.Text;

namespace DisclosureExtract.Reading;

/// <summary>
/// Strips the markdown-ish leftovers some converters leave in text: heading marks (## ), list
/// bullets, bold (**), and inline HTML tags such as &lt;b&gt; and &lt;br&gt;.
/// </summary>
public static class InlineMarkup
{
    /// <summary>The spaces skipped before a heading mark or bullet.</summary>
    private const string LeadingSpace = " \u3000";

    /// <summary>True when <see cref="Strip"/> leaves the text as it is: no heading mark or bullet at its start, no '&lt;', no **.</summary>
    public static bool IsPlain(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart(LeadingSpace);
        return !(trimmed.StartsWith('#') || trimmed.StartsWith("- ", StringComparison.Ordinal) || line.Contains('<') || line.Contains("**", StringComparison.Ordinal));
    }

    /// <summary>Returns the printed text and whether the line was marked as a heading.</summary>
    public static (string Text, bool IsHeading) Strip(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var s = line;
        var heading = false;
        var trimmed = line.AsSpan().TrimStart(LeadingSpace);
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
                s = trimmed[i..].TrimStart().ToString();
            }
        }
        else if (trimmed.StartsWith("- ", StringComparison.Ordinal))
        {
            s = trimmed[2..].ToString();
        }

        if (s.AsSpan().IndexOfAny('<', '*') < 0)
        {
            return (s, heading); // neither a tag nor emphasis (one scan for both)
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

/// <summary>
/// HTML fragments inside text lines (&lt;b&gt;, &lt;br&gt;, &lt;p&gt;, a table row written on one line), parsed with
/// AngleSharp rather than regular expressions. Block boundaries and &lt;br&gt; become a space so that words and
/// numbers of neighbouring cells or paragraphs never run together; scripts and styles are left out.
/// </summary>
public static class HtmlFragment
{
    private static readonly ThreadLocal<AngleSharp.Html.Parser.HtmlParser> Parser = new(() => new AngleSharp.Html.Parser.HtmlParser());

    private static readonly string[] TableParts = ["<tr", "<td", "<th", "<tbody", "<thead", "<tfoot", "<caption", "<col"];

    /// <summary>The printed text of a fragment. Text without a tag is returned as is.</summary>
    public static string ToText(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        if (!HasTag(fragment))
        {
            return fragment;
        }

        if (PlainInline.TryStrip(fragment) is { } plain)
        {
            return plain;
        }

        // table rows and cells outside a <table> are dropped by an HTML parser (and their texts run together): give them one
        var markup = OutsideTable(fragment) ? "<table>" + fragment + "</table>" : fragment;
        // one parser per thread (AngleSharp's maintainers advise against sharing one across parallel parses); a new parser
        // per call builds its HTML entity table again, which cost more than all the rest of reading a text document
        using var doc = Parser.Value!.ParseDocument("<!DOCTYPE html><html><body>" + markup + "</body></html>");
        var body = doc.Body;
        return body is null ? fragment : HtmlText.Raw(body).TrimEnd(' '); // the space a closing block adds
    }

    private static bool OutsideTable(string s)
    {
        if (s.Contains("<table", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var tag in TableParts)
        {
            if (s.Contains(tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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

/// <summary>
/// The common case of a fragment in a text line: text marked only with bare tags (no attributes) — inline
/// formatting (&lt;b&gt;…&lt;/b&gt;, &lt;strong&gt;, &lt;i&gt;, &lt;em&gt;, &lt;u&gt;, &lt;span&gt;) or paragraphs (&lt;p&gt;, &lt;/p&gt;) — and no entity.
/// An HTML parser keeps such text as written (formatting elements start no block, mis-nested or stray ones move no
/// text; a paragraph boundary is a space as <see cref="HtmlText.Raw"/> writes it), so the tags are handled without
/// building a document. Anything else (another tag, an attribute, '&amp;', a '&lt;' that starts no such tag, formatting
/// mixed with paragraphs, characters the parser rewrites) returns null and goes to the parser.
/// </summary>
internal static class PlainInline
{
    private static readonly string[] Tags = ["b", "strong", "i", "em", "u", "span"];

    public static string? TryStrip(string fragment)
    {
        if (fragment.AsSpan().IndexOfAny('&', '\0', '\r') >= 0)
        {
            return null;
        }

        var sb = new StringBuilder(fragment.Length);
        var formatting = new int[Tags.Length]; // open formatting elements by tag
        var paragraphOpen = false;
        var i = 0;
        while (i < fragment.Length)
        {
            var lt = fragment.IndexOf('<', i);
            if (lt < 0)
            {
                sb.Append(fragment, i, fragment.Length - i);
                break;
            }

            sb.Append(fragment, i, lt - i);
            var (length, tag, closing) = ReadTag(fragment, lt);
            if (length == 0)
            {
                return null;
            }

            if (tag < 0)
            {
                // <p> / </p>: a block boundary (a space unless one is there); kept apart from formatting elements
                if (formatting.Any(n => n > 0))
                {
                    return null;
                }

                Space(sb);
                paragraphOpen = !closing;
            }
            else if (paragraphOpen)
            {
                return null;
            }
            else if (!closing)
            {
                formatting[tag]++;
            }
            else if (formatting[tag] > 0)
            {
                formatting[tag]--;
            }

            i = lt + length;
        }

        return sb.ToString().TrimEnd(' ');
    }

    /// <summary>As <see cref="HtmlText"/> writes a block boundary.</summary>
    private static void Space(StringBuilder sb)
    {
        if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1]))
        {
            sb.Append(' ');
        }
    }

    /// <summary>The length of a bare tag at the offset (0 when it is not one of ours), its formatting tag index (-1 for p), and whether it closes.</summary>
    private static (int Length, int Tag, bool Closing) ReadTag(string s, int at)
    {
        var closing = at + 1 < s.Length && s[at + 1] == '/';
        var nameStart = closing ? at + 2 : at + 1;
        var close = s.IndexOf('>', nameStart);
        if (close < 0)
        {
            return (0, 0, false);
        }

        var name = s.AsSpan(nameStart, close - nameStart);
        if (name.SequenceEqual("p"))
        {
            return (close - at + 1, -1, closing);
        }

        for (var t = 0; t < Tags.Length; t++)
        {
            if (name.SequenceEqual(Tags[t]))
            {
                return (close - at + 1, t, closing);
            }
        }

        return (0, 0, false);
    }
}
