using System.Buffers;
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
        var known = pairs.GetAlternateLookup<ReadOnlySpan<char>>();
        char[]? buffer = null;
        try
        {
            foreach (var part in parts)
            {
                if (part.Kind != PartKind.Tables)
                {
                    continue;
                }

                for (var i = part.StartLine; i < part.EndLine; i++)
                {
                    var norm = doc.Lines[i].Norm;
                    if (norm.Length == 0 || norm[0] != '2')
                    {
                        continue; // both code patterns start with a 类 code 2xx at the start of the line
                    }

                    // "code|name key" written into a scratch buffer: a pair printed again (in the next table) makes no string
                    var bound = 8;
                    for (var j = i; j < part.EndLine && j <= i + 3; j++)
                    {
                        bound += doc.Lines[j].Norm.Length;
                    }

                    if (buffer is null || buffer.Length < bound)
                    {
                        if (buffer is not null)
                        {
                            ArrayPool<char>.Shared.Return(buffer);
                        }

                        buffer = ArrayPool<char>.Shared.Rent(Math.Max(bound, 256));
                    }

                    var (codeLength, keyLength) = Pair(doc, i, part.EndLine, buffer);
                    if (codeLength > 0 && keyLength > codeLength + 1)
                    {
                        var key = buffer.AsSpan(0, keyLength);
                        if (!known.ContainsKey(key))
                        {
                            pairs.Add(key.ToString(), key[..codeLength].ToString());
                        }
                    }
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<char>.Shared.Return(buffer);
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
        var rented = name.Length > 128 ? ArrayPool<char>.Shared.Rent(name.Length) : null;
        var buffer = rented is null ? stackalloc char[name.Length] : rented.AsSpan(0, name.Length);
        var codes = pairs.CodesNamed(KeyInto(name, buffer)); // the key looked up without making it a string
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        foreach (var code in codes)
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

    /// <summary><see cref="Key"/> written into a buffer as long as the name.</summary>
    private static ReadOnlySpan<char> KeyInto(string name, Span<char> buffer)
    {
        var k = 0;
        foreach (var c in name)
        {
            if (!IsDropped(c))
            {
                buffer[k++] = JoinedText.Fold(c);
            }
        }

        return buffer[..k];
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

    /// <summary>
    /// The code/name printed at a tables-part line (name on the line, or on the next lines when the code stands alone),
    /// written as "code|name key" into <paramref name="key"/>: the lengths of the code and of the whole (0, 0 when the line
    /// starts with no code).
    /// </summary>
    private static (int CodeLength, int KeyLength) Pair(SourceDocument doc, int index, int end, char[] key)
    {
        var norm = doc.Lines[index].Norm;
        if (!CodeAtStart(norm, key, out var codeLength, out var restStart))
        {
            return (0, 0);
        }

        var k = codeLength;
        key[k++] = '|';
        var nameStart = k;
        k = AppendName(norm.AsSpan(restStart), key, k);
        if (k == nameStart)
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

                k = AppendName(next, key, k);
            }
        }

        return (codeLength, k);
    }

    /// <summary>
    /// The code at the start of a line, written into <paramref name="code"/>: spaced (210 11 01, as <see cref="SpacedCode"/>)
    /// unless only the glued form (2101101, as <see cref="GluedCode"/>) reads more than the 类; and where the rest of the line starts.
    /// </summary>
    internal static bool CodeAtStart(string norm, Span<char> code, out int codeLength, out int restStart)
    {
        codeLength = restStart = 0;
        if (norm.Contains('\n', StringComparison.Ordinal))
        {
            return CodeAtStartByPattern(norm, code, out codeLength, out restStart); // '.' and '$' treat a line end apart
        }

        var spaced = SpacedAt(norm, out var a, out var b, out var c, out var spacedRest);
        var hasB = b >= 0;
        if (spaced && (hasB || !GluedAt(norm, out _)))
        {
            norm.AsSpan(a, 3).CopyTo(code);
            codeLength = 3;
            foreach (var at in (ReadOnlySpan<int>)[b, c])
            {
                if (at >= 0)
                {
                    norm.AsSpan(at, 2).CopyTo(code[codeLength..]);
                    codeLength += 2;
                }
            }

            restStart = spacedRest;
            return true;
        }

        if (!GluedAt(norm, out var glued))
        {
            return false;
        }

        norm.AsSpan(0, glued).CopyTo(code);
        codeLength = glued;
        restStart = glued;
        return true;
    }

    /// <summary>The same through the patterns themselves (a line holding a line end).</summary>
    internal static bool CodeAtStartByPattern(string norm, Span<char> code, out int codeLength, out int restStart)
    {
        codeLength = restStart = 0;
        var m = SpacedCode().Match(norm);
        string value;
        Group rest;
        if (m.Success && (m.Groups["b"].Success || !GluedCode().IsMatch(norm)))
        {
            value = m.Groups["a"].Value + m.Groups["b"].Value + m.Groups["c"].Value;
            rest = m.Groups["rest"];
        }
        else
        {
            var g = GluedCode().Match(norm);
            if (!g.Success)
            {
                return false;
            }

            value = g.Groups["code"].Value;
            rest = g.Groups["rest"];
        }

        value.CopyTo(code);
        codeLength = value.Length;
        restStart = rest.Index;
        return true;
    }

    private static bool IsDigitAt(string s, int i) => i < s.Length && char.IsDigit(s[i]);

    /// <summary>What <see cref="SpacedCode"/> reads (the line holds no line end): offsets of the parts a, b, c (-1 when absent) and of the rest.</summary>
    private static bool SpacedAt(string s, out int a, out int b, out int c, out int rest)
    {
        a = 0;
        b = c = rest = -1;
        if (s.Length < 3 || s[0] != '2' || !IsDigitAt(s, 1) || !IsDigitAt(s, 2))
        {
            return false;
        }

        b = TwoDigitsAfterSpace(s, 3);
        if (b >= 0)
        {
            c = TwoDigitsAfterSpace(s, b + 2);
            if (c >= 0 && EndsToken(s, c + 2))
            {
                rest = c + 2;
                return true;
            }

            c = -1;
            if (EndsToken(s, b + 2))
            {
                rest = b + 2;
                return true;
            }

            b = -1; // without b, c would stand where b stood and fail the same way
        }

        if (EndsToken(s, 3))
        {
            rest = 3;
            return true;
        }

        return false;
    }

    /// <summary>The offset of two digits after a run of white space at <paramref name="at"/>, or -1.</summary>
    private static int TwoDigitsAfterSpace(string s, int at)
    {
        var j = at;
        while (j < s.Length && char.IsWhiteSpace(s[j]))
        {
            j++;
        }

        return j > at && IsDigitAt(s, j) && IsDigitAt(s, j + 1) ? j : -1;
    }

    /// <summary>The look-ahead of both patterns: white space or the end.</summary>
    private static bool EndsToken(string s, int at) => at == s.Length || (at < s.Length && char.IsWhiteSpace(s[at]));

    /// <summary>What <see cref="GluedCode"/> reads (the line holds no line end): the code's length, 7, 5 or 3 digits.</summary>
    private static bool GluedAt(string s, out int length)
    {
        length = 0;
        if (s.Length < 3 || s[0] != '2' || !IsDigitAt(s, 1) || !IsDigitAt(s, 2))
        {
            return false;
        }

        var pairs = 0;
        while (pairs < 2 && IsDigitAt(s, 3 + (2 * pairs)) && IsDigitAt(s, 4 + (2 * pairs)))
        {
            pairs++;
        }

        for (; pairs >= 0; pairs--)
        {
            if (EndsToken(s, 3 + (2 * pairs)))
            {
                length = 3 + (2 * pairs);
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends the key (<see cref="Key"/>) of the CJK name before the first amount and returns the new length.</summary>
    private static int AppendName(ReadOnlySpan<char> rest, char[] key, int k)
    {
        foreach (var c in rest)
        {
            if (char.IsDigit(c) || c is '.' or ',')
            {
                break; // the first amount: a digit, '.' or ','
            }

            if (!IsDropped(c))
            {
                key[k++] = JoinedText.Fold(c);
            }
        }

        return k;
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

        public IReadOnlyList<string> CodesNamed(ReadOnlySpan<char> name) =>
            _byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var codes) ? codes : [];
    }
}
