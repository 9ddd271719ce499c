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
    /// <summary>The reference list is the same for every document: read once, never changed.</summary>
    private static readonly Lazy<PairIndex> Reference = new(() => new PairIndex(ReferencePairs()));

    private readonly PairIndex _document;
    private readonly PairIndex _reference;

    [GeneratedRegex(@"^(?<a>2\d{2})(?:[\s\t]+(?<b>\d{2}))?(?:[\s\t]+(?<c>\d{2}))?(?=[\s\t]|$)(?<rest>.*)$")]
    private static partial Regex SpacedCode();

    [GeneratedRegex(@"^(?<code>2\d{2}(?:\d{2}){0,2})(?=[\s\t]|$)(?<rest>.*)$")]
    private static partial Regex GluedCode();

    [GeneratedRegex(@"[\d.,]+")]
    private static partial Regex Digits();

    private FunctionCodeIndex(PairIndex document, PairIndex reference)
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

        return new FunctionCodeIndex(new PairIndex(pairs), Reference.Value);
    }

    /// <summary>Resolves a path; returns the deepest code reached only when every given level resolves.</summary>
    public (string? Code, string? Source) Resolve(string? className, string? sectionName, string? itemName)
    {
        var code = ResolveIn(_document, className, sectionName, itemName);
        if (code is not null)
        {
            return (code, "document");
        }

        code = ResolveIn(_reference, className, sectionName, itemName);
        return code is not null ? (code, "reference") : (null, null);
    }

    private static string? ResolveIn(PairIndex pairs, string? className, string? sectionName, string? itemName)
    {
        string? current = null;
        current = Step(pairs, className, 3, current, out var ok);
        if (!ok)
        {
            return null;
        }

        current = Step(pairs, sectionName, 5, current, out ok);
        if (!ok)
        {
            return null;
        }

        current = Step(pairs, itemName, 7, current, out ok);
        return ok ? current : null;
    }

    /// <summary>One level of a path: the single code of that length under the current one named so (a missing name keeps the current code).</summary>
    private static string? Step(PairIndex pairs, string? name, int length, string? current, out bool ok)
    {
        ok = true;
        if (name is null)
        {
            return current;
        }

        string? found = null;
        foreach (var code in pairs.CodesNamed(Key(name)))
        {
            if (code.Length != length || (current is not null && !code.StartsWith(current, StringComparison.Ordinal)))
            {
                continue;
            }

            if (found is not null && !string.Equals(found, code, StringComparison.Ordinal))
            {
                ok = false;
                return null;
            }

            found = code;
        }

        ok = found is not null;
        return found;
    }

    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Create(KeptLength(name), name, static (span, src) =>
        {
            var k = 0;
            foreach (var c in src)
            {
                if (!IsDropped(c))
                {
                    span[k++] = JoinedText.Fold(c);
                }
            }
        });
    }

    private static bool IsDropped(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    private static int KeptLength(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!IsDropped(c))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The code/name printed at a tables-part line: name on the line, or on the next lines when the code stands alone.</summary>
    private static (string? Code, string Name) Pair(SourceDocument doc, int index, int end)
    {
        var norm = doc.Lines[index].Norm;
        if (norm.Length == 0 || norm[0] != '2')
        {
            return (null, string.Empty); // both code patterns start with a 类 code 2xx at the start of the line
        }

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

    /// <summary>
    /// "code|name key" pairs with a look-up by name: a pair answers a name when its key ends with "|" + name
    /// (the name itself, or the part after a '|' printed inside the name).
    /// </summary>
    private sealed class PairIndex
    {
        private readonly Dictionary<string, List<string>> _byName = new(StringComparer.Ordinal);

        public PairIndex(Dictionary<string, string> pairs)
        {
            Count = pairs.Count;
            foreach (var (key, code) in pairs)
            {
                for (var bar = key.IndexOf('|', StringComparison.Ordinal); bar >= 0; bar = key.IndexOf('|', bar + 1))
                {
                    var name = key[(bar + 1)..];
                    if (!_byName.TryGetValue(name, out var codes))
                    {
                        codes = [];
                        _byName.Add(name, codes);
                    }

                    codes.Add(code);
                }
            }
        }

        public int Count { get; }

        public IReadOnlyList<string> CodesNamed(string name) => _byName.TryGetValue(name, out var codes) ? codes : [];
    }
}
