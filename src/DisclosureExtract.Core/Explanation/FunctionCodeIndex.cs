using System.Text.RegularExpressions;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Resolves 类/款/项 names to function classification codes. The document's own tables print
/// code/name pairs (`210 11 01 行政单位医疗`, tab cells, or a code line followed by a wrapped name);
/// these come first. A reference list (observed_function_codes.csv, copied from
/// ../shared/reference, derived from published Shanghai Putuo documents) is the fallback.
/// Names are compared folded, without white space and with ASCII brackets.
/// </summary>
public sealed partial class FunctionCodeIndex
{
    private readonly Dictionary<string, string> _document;
    private readonly Dictionary<string, string> _reference;

    [GeneratedRegex(@"^(?<a>2\d{2})(?:[\s\t]+(?<b>\d{2}))?(?:[\s\t]+(?<c>\d{2}))?(?=[\s\t]|$)(?<rest>.*)$")]
    private static partial Regex SpacedCode();

    [GeneratedRegex(@"^(?<code>2\d{2}(?:\d{2}){0,2})(?=[\s\t]|$)(?<rest>.*)$")]
    private static partial Regex GluedCode();

    [GeneratedRegex(@"[\d.,]+")]
    private static partial Regex Digits();

    private FunctionCodeIndex(Dictionary<string, string> document, Dictionary<string, string> reference)
    {
        _document = document;
        _reference = reference;
    }

    public int DocumentPairs => _document.Count;

    public static FunctionCodeIndex Build(SourceDocument doc, IReadOnlyList<DocumentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Where(p => p.Kind == PartKind.Tables))
        {
            for (var i = part.StartLine; i < part.EndLine; i++)
            {
                var (code, name) = Pair(doc, i, part.EndLine);
                if (code is not null && name.Length > 0)
                {
                    pairs.TryAdd(code + "|" + Key(name), code);
                }
            }
        }

        return new FunctionCodeIndex(pairs, ReferencePairs());
    }

    /// <summary>Resolves a path; returns the deepest code reached only when every given level resolves.</summary>
    public (string? Code, string? Source) Resolve(string? className, string? sectionName, string? itemName)
    {
        foreach (var (pairs, source) in new[] { (_document, "document"), (_reference, "reference") })
        {
            var code = ResolveIn(pairs, className, sectionName, itemName);
            if (code is not null)
            {
                return (code, source);
            }
        }

        return (null, null);
    }

    private static string? ResolveIn(Dictionary<string, string> pairs, string? className, string? sectionName, string? itemName)
    {
        string? current = null;
        foreach (var (name, length) in new[] { (className, 3), (sectionName, 5), (itemName, 7) })
        {
            if (name is null)
            {
                continue;
            }

            var key = Key(name);
            var candidates = pairs.Where(kv => kv.Value.Length == length
                                               && kv.Key.EndsWith("|" + key, StringComparison.Ordinal)
                                               && (current is null || kv.Value.StartsWith(current, StringComparison.Ordinal)))
                .Select(kv => kv.Value).Distinct(StringComparer.Ordinal).ToList();
            if (candidates.Count != 1)
            {
                return null;
            }

            current = candidates[0];
        }

        return current;
    }

    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Where(c => !char.IsWhiteSpace(c) && c != '\u3000').Select(JoinedText.Fold).ToArray();
        return new string(chars);
    }

    /// <summary>The code/name printed at a tables-part line: name on the line, or on the next lines when the code stands alone.</summary>
    private static (string? Code, string Name) Pair(SourceDocument doc, int index, int end)
    {
        var norm = doc.Lines[index].Norm;
        string code;
        string rest;
        var m = SpacedCode().Match(norm);
        if (m.Success && (m.Groups["b"].Success || !GluedCode().IsMatch(norm)))
        {
            code = m.Groups["a"].Value + m.Groups["b"].Value + m.Groups["c"].Value;
            rest = m.Groups["rest"].Value;
        }
        else
        {
            var g = GluedCode().Match(norm);
            if (!g.Success)
            {
                return (null, string.Empty);
            }

            code = g.Groups["code"].Value;
            rest = g.Groups["rest"].Value;
        }

        var name = NameOf(rest);
        if (name.Length == 0)
        {
            // the name wraps onto the next lines: 208 05 05 / 机关事业单位基本养老 / 保险缴费支出 / 31.30 …
            for (var j = index + 1; j < end && j <= index + 3; j++)
            {
                var next = doc.Lines[j].Norm;
                if (next.Length == 0)
                {
                    continue;
                }

                if (SpacedCode().IsMatch(next) || !TextNormalizer.ContainsCjk(next))
                {
                    break;
                }

                name += NameOf(next);
            }
        }

        return (code, name);
    }

    /// <summary>The CJK name before the first amount.</summary>
    private static string NameOf(string rest)
    {
        var cut = rest;
        var d = Digits().Match(rest);
        if (d.Success)
        {
            cut = rest[..d.Index];
        }

        return Key(cut.Replace("\t", string.Empty, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> ReferencePairs()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = typeof(FunctionCodeIndex).Assembly.GetManifestResourceStream("DisclosureExtract.Explanation.observed_function_codes.csv");
        if (stream is null)
        {
            return d;
        }

        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            if (cells.Length >= 3)
            {
                d.TryAdd(cells[0] + "|" + Key(cells[2]), cells[0]);
            }
        }

        return d;
    }
}
