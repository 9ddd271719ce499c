using System.Text;
using AngleSharp.Dom;
using DisclosureExtract.Text;

namespace DisclosureExtract.Reading;

/// <summary>
/// What an HTML element means for reading: whether it is shown at all (scripts, styles, navigation and hidden
/// elements are not), whether it starts a new block (paragraph, heading, list item, div …), and its printed text.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> NotShown = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "iframe", "frame",
        "object", "embed", "applet", "svg", "canvas", "audio", "video", "map", "area",
        "select", "option", "optgroup", "datalist", "button", "input", "textarea",
        // navigation and page chrome
        "nav", "aside", "footer", "menu",
    };

    private static readonly HashSet<string> NavigationRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "menu", "menubar", "banner", "contentinfo", "search", "complementary",
    };

    /// <summary>class / id words of site navigation and footers (whole words of the attribute, split at -, _ and spaces).</summary>
    private static readonly HashSet<string> NavigationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "footer", "sidebar", "topbar", "skip",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section", "summary", "ul",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    };

    /// <summary>True for elements a reader does not see: scripts, styles, forms' controls, navigation, hidden elements.</summary>
    public static bool IsIgnored(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (NotShown.Contains(element.LocalName) || element.HasAttribute("hidden"))
        {
            return true;
        }

        if (string.Equals(element.GetAttribute("aria-hidden")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            || (element.GetAttribute("role") is { } role && NavigationRoles.Contains(role.Trim())))
        {
            return true;
        }

        if (element.GetAttribute("style") is { } style)
        {
            var s = style.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (s.Contains("display:none", StringComparison.OrdinalIgnoreCase) || s.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return HasNavigationWord(element.GetAttribute("class")) || HasNavigationWord(element.Id);
    }

    /// <summary>True for elements that start a new line of text.</summary>
    public static bool IsBlock(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return Blocks.Contains(element.LocalName);
    }

    /// <summary>True for h1–h6.</summary>
    public static bool IsHeading(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var n = element.LocalName;
        return n.Length == 2 && n[0] == 'h' && n[1] is >= '1' and <= '6';
    }

    /// <summary>
    /// The printed text of a node on one line: &lt;br&gt; and block boundaries become a space, ignored elements
    /// are left out, and HTML white space (including &amp;nbsp;) collapses to single spaces, trimmed.
    /// </summary>
    public static string OneLine(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Append(node, sb);
        return Collapse(sb.ToString());
    }

    /// <summary>
    /// The text of a node with its markup removed but its white space as written: &lt;br&gt; and block
    /// boundaries become a space (when not already next to one); for inline fragments in text lines.
    /// </summary>
    public static string Raw(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Append(node, sb);
        return sb.ToString();
    }

    /// <summary>Collapses runs of HTML white space and no-break spaces to one space and trims spaces and ideographic spaces.</summary>
    public static string Collapse(string text) =>
        TextNormalizer.CollapseRuns(text, c => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0').Trim(' ', '\u3000');

    private static void Append(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                sb.Append(text.Data);
            }
            else if (child is IElement el && !IsIgnored(el))
            {
                if (string.Equals(el.LocalName, "br", StringComparison.Ordinal))
                {
                    Space(sb);
                    continue;
                }

                var block = IsBlock(el);
                if (block)
                {
                    Space(sb);
                }

                Append(el, sb);
                if (block)
                {
                    Space(sb);
                }
            }
        }
    }

    private static void Space(StringBuilder sb)
    {
        if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1]))
        {
            sb.Append(' ');
        }
    }

    private static bool HasNavigationWord(string? attribute)
    {
        if (string.IsNullOrEmpty(attribute))
        {
            return false;
        }

        foreach (var word in attribute.Split([' ', '\t', '\n', '\r', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (NavigationWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }
}
