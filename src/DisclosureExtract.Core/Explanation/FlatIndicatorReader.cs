using System.Buffers;
using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Indicator rows in flattened PDF text, where every cell may wrap over lines and cells of one printed
/// line are joined by spaces. The body is cut into tokens (white-space separated pieces, each with its
/// line). A row ends with its evidence (…资料/材料/凭证 after a scoring rule …赋分) in project tables and
/// with its weight in overall tables. Within a row: level labels (from the national indicator framework),
/// the name, the value (an operator, a date, or a qualitative target before the basis), the unit, the
/// basis, the prior-year value, the weight (the last whole number), the scoring rule and the evidence.
/// </summary>
public static partial class FlatIndicatorReader
{
    private readonly record struct Token(string Text, string Fold, int Line);

    [GeneratedRegex(@"^\d{4}(?:年(?:\d{1,2}(?:月(?:\d{1,2}(?:日(?:前|之前|以前)?)?)?)?)?)?$")]
    private static partial Regex DatePrefix();

    /// <summary>The standard kinds of 指标值设置依据 in project tables (the national framework's list).</summary>
    private static readonly string[] BasisKinds = ["计划标准", "历史标准", "行业标准", "其他标准", "预算支出标准", "国家标准", "行业或国家标准", "地方标准", "社会标准", "经验标准"];

    /// <summary>The longest basis kind: a longer text is neither one nor the start of one.</summary>
    private static readonly int LongestBasis = BasisKinds.Max(b => b.Length);

    /// <summary>The level labels of both levels (a label found at a row start is the longest that matches).</summary>
    private static readonly string[] AllLabels = [.. IndicatorLevels.Level1.Concat(IndicatorLevels.Level2)];

    private static readonly string[] QualitativeLeads = ["有效", "显著", "明显", "不断", "持续", "稳步", "稳定", "逐步", "有所", "大幅", "全面", "进一步", "长期", "全年", "成效", "基本", "较好", "良好"];

    public static IReadOnlyList<PerformanceIndicator> Read(SourceDocument doc, int headerRow, int end, bool projectTable)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var tokens = BodyTokens(doc, headerRow, end, projectTable);
        var rows = projectTable ? RowsEndingWithEvidence(tokens) : RowsEndingWithWeight(tokens);
        var list = new List<PerformanceIndicator>();
        string? l1 = null, l2 = null;
        foreach (var (rowStart, rowEnd) in rows)
        {
            var p = Parse(tokens, rowStart, rowEnd, projectTable, list.Count + 1, ref l1, ref l2);
            if (p is not null)
            {
                list.Add(p);
            }
        }

        return list;
    }

    /// <summary>Tokens after the header row (which ends with 佐证资料 in project tables, 权重 in overall ones).</summary>
    private static List<Token> BodyTokens(SourceDocument doc, int headerRow, int end, bool projectTable)
    {
        var pieces = 0;
        for (var i = headerRow; i < end; i++)
        {
            pieces += PieceCount(doc.Lines[i].Text);
        }

        var tokens = new List<Token>(pieces); // at most this many (header lines are counted too): no growing copies

        var headerText = string.Empty;
        var inHeader = true;
        for (var i = headerRow; i < end; i++)
        {
            var line = doc.Lines[i];
            if (IsBlank(line.Norm))
            {
                continue; // nothing left after dropping white space and markdown marks
            }

            if (!inHeader && CompactStartsWith(line.Norm, "一级指标"))
            {
                inHeader = true; // the header repeated after a page break
                headerText = string.Empty;
            }

            if (inHeader)
            {
                headerText += PerformanceTableExtractor.Compact(line.Norm);
                inHeader = !(projectTable ? headerText.Contains("佐证资料", StringComparison.Ordinal) : headerText.EndsWith("权重", StringComparison.Ordinal));
                continue;
            }

            // the white-space separated pieces of the printed line
            var text = line.Text;
            var k = 0;
            while (k < text.Length)
            {
                while (k < text.Length && char.IsWhiteSpace(text[k]))
                {
                    k++;
                }

                var from = k;
                while (k < text.Length && !char.IsWhiteSpace(text[k]))
                {
                    k++;
                }

                if (k > from)
                {
                    var piece = from == 0 && k == text.Length ? text : text[from..k];
                    tokens.Add(new Token(piece, IndicatorValue.Fold(piece), i));
                }
            }
        }

        return tokens;
    }

    /// <summary>The number of white-space separated pieces of a text.</summary>
    private static int PieceCount(string text)
    {
        var n = 0;
        var inPiece = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            n += !space && !inPiece ? 1 : 0;
            inPiece = !space;
        }

        return n;
    }

    /// <summary>True when the text holds only white space and markdown marks (its compact form is empty).</summary>
    private static bool IsBlank(string s)
    {
        foreach (var c in s)
        {
            if (!PerformanceTableExtractor.IsDropped(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the compact form of the text (<see cref="PerformanceTableExtractor.Compact"/>) starts with the prefix, without making it.</summary>
    internal static bool CompactStartsWith(string s, string prefix)
    {
        var k = 0;
        foreach (var c in s)
        {
            if (k == prefix.Length)
            {
                return true;
            }

            if (PerformanceTableExtractor.IsDropped(c))
            {
                continue;
            }

            if (c != prefix[k])
            {
                return false;
            }

            k++;
        }

        return k == prefix.Length;
    }

    private static List<(int Start, int End)> RowsEndingWithEvidence(List<Token> tokens)
    {
        var rows = new List<(int, int)>();
        var rowStart = 0;
        var seenRule = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            seenRule |= tokens[i].Fold.Contains('赋', StringComparison.Ordinal);
            if (seenRule && EndsWithEvidence(tokens, rowStart, i + 1))
            {
                rows.Add((rowStart, i + 1));
                rowStart = i + 1;
                seenRule = false;
            }
        }

        if (rowStart < tokens.Count)
        {
            rows.Add((rowStart, tokens.Count));
        }

        return rows;
    }

    /// <summary>True when the folded text of the last three tokens of a row ends with an evidence word (资料, 材料, 凭证; it may wrap over them).</summary>
    private static bool EndsWithEvidence(List<Token> tokens, int rowStart, int rowEnd)
    {
        Span<char> last = stackalloc char[2];
        var n = 0;
        for (var t = rowEnd - 1; t >= Math.Max(rowStart, rowEnd - 3) && n < 2; t--)
        {
            var f = tokens[t].Fold;
            for (var c = f.Length - 1; c >= 0 && n < 2; c--)
            {
                last[1 - n] = f[c];
                n++;
            }
        }

        return n == 2 && (last.SequenceEqual("资料") || last.SequenceEqual("材料") || last.SequenceEqual("凭证"));
    }

    /// <summary>The printed text of the tokens [start, end).</summary>
    private static string TextOf(List<Token> tokens, int start, int end)
    {
        if (end - start == 1)
        {
            return tokens[start].Text;
        }

        var length = 0;
        for (var i = start; i < end; i++)
        {
            length += tokens[i].Text.Length;
        }

        if (length == 0)
        {
            return string.Empty;
        }

        return string.Create(length, (tokens, start, end), static (span, state) =>
        {
            var k = 0;
            for (var i = state.start; i < state.end; i++)
            {
                var t = state.tokens[i].Text;
                t.CopyTo(span[k..]);
                k += t.Length;
            }
        });
    }

    private static List<(int Start, int End)> RowsEndingWithWeight(List<Token> tokens)
    {
        var rows = new List<(int, int)>();
        var rowStart = 0;
        var seenValue = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var f = tokens[i].Fold;
            if (seenValue && IsWholeNumber(f))
            {
                rows.Add((rowStart, i + 1));
                rowStart = i + 1;
                seenValue = false;
                continue;
            }

            seenValue |= IndicatorValue.StartsWithOperator(f);
        }

        if (rowStart < tokens.Count)
        {
            rows.Add((rowStart, tokens.Count));
        }

        return rows;
    }

    /// <summary>One to three digits and nothing else (a weight).</summary>
    private static bool IsWholeNumber(string f)
    {
        if (f.Length is 0 or > 3)
        {
            return false;
        }

        foreach (var c in f)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasDigit(string f)
    {
        foreach (var c in f)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLetter(string f)
    {
        foreach (var c in f)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses the row of tokens [rowStart, rowEnd).</summary>
    private static PerformanceIndicator? Parse(List<Token> tokens, int rowStart, int rowEnd, bool projectTable, int seq, ref string? l1, ref string? l2)
    {
        // 1. level labels, each possibly wrapped over several tokens, or two of them run together (标满意 / 度指标)
        var (labels, pos) = Labels(tokens, rowStart, rowEnd);
        var (a, b) = IndicatorLevels.Assign(labels);
        if (a is not null)
        {
            l1 = a;
            l2 = b;
        }
        else if (b is not null)
        {
            l2 = b;
        }

        // 2. the value
        var (vStart, vEnd) = FindValue(tokens, pos, rowEnd);
        if (vStart < 0)
        {
            return null;
        }

        var name = TextOf(tokens, pos, vStart);
        var valueText = TextOf(tokens, vStart, vEnd);

        // 3. the rest [vEnd, rowEnd): basis, prior, weight, rule, evidence
        var w = -1;
        for (var i = rowEnd - 1; i >= vEnd; i--)
        {
            if (IsWholeNumber(tokens[i].Fold))
            {
                w = i;
                break;
            }
        }

        if (w >= 0)
        {
            for (var i = w + 1; i < rowEnd; i++)
            {
                if (HasDigit(tokens[i].Fold))
                {
                    w = -1;
                    break;
                }
            }
        }

        int ruleStart;
        string weight;
        if (w >= 0)
        {
            ruleStart = w + 1;
            weight = tokens[w].Fold;
        }
        else
        {
            ruleStart = rowEnd;
            for (var i = vEnd; i < rowEnd; i++)
            {
                var f = tokens[i].Fold;
                if (f.Contains('赋', StringComparison.Ordinal) || f.StartsWith('按'))
                {
                    ruleStart = i;
                    break;
                }
            }

            weight = string.Empty;
        }

        var middleEnd = w >= 0 ? w : ruleStart; // [vEnd, middleEnd): basis and prior
        string basis, prior;
        if (projectTable)
        {
            var n = middleEnd > vEnd ? 1 : 0;
            if (IsBasis(tokens, vEnd, middleEnd, out var known))
            {
                n = known;
            }
            else
            {
                while (n < middleEnd - vEnd && (tokens[vEnd + n - 1].Fold.EndsWith('标') || tokens[vEnd + n - 1].Fold.EndsWith('要') || tokens[vEnd + n].Fold is "准" or "标准"))
                {
                    n++;
                }
            }

            basis = TextOf(tokens, vEnd, vEnd + n);
            prior = TextOf(tokens, vEnd + n, middleEnd);
        }
        else
        {
            basis = TextOf(tokens, vEnd, middleEnd);
            prior = string.Empty;
        }

        // the rule ends with its 赋分 even when the evidence is run on (比例赋分工作 / 资料)
        var (rule, evidence) = RuleAndEvidence(tokens, ruleStart, rowEnd);
        return TabIndicatorReader.Make(seq, l1, l2, name, valueText, basis, prior, weight, rule, evidence, tokens[vStart].Line);
    }

    /// <summary>The printed text of the tokens [start, end) cut after its first 赋分 (the whole text as the rule when there is none).</summary>
    private static (string Rule, string Evidence) RuleAndEvidence(List<Token> tokens, int start, int end)
    {
        if (end - start == 1)
        {
            var single = tokens[start].Text;
            var at = single.IndexOf("赋分", StringComparison.Ordinal);
            return at < 0 ? (single, string.Empty) : (single[..(at + 2)], single[(at + 2)..]);
        }

        var length = 0;
        for (var i = start; i < end; i++)
        {
            length += tokens[i].Text.Length;
        }

        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var k = 0;
            for (var i = start; i < end; i++)
            {
                tokens[i].Text.CopyTo(buffer.AsSpan(k));
                k += tokens[i].Text.Length;
            }

            var tail = buffer.AsSpan(0, k);
            var cut = tail.IndexOf("赋分", StringComparison.Ordinal);
            return cut < 0 ? (tail.ToString(), string.Empty) : (tail[..(cut + 2)].ToString(), tail[(cut + 2)..].ToString());
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Up to two level labels at the start of a row, matched on the row's characters so that labels
    /// wrapped over tokens or run together are found. A token only partly consumed is replaced by its rest.
    /// </summary>
    private static (List<string> Labels, int Next) Labels(List<Token> tokens, int rowStart, int rowEnd)
    {
        var labels = new List<string>(2);
        var pos = rowStart;
        var offset = 0; // characters of tokens[pos] already consumed
        while (labels.Count < 2 && pos < rowEnd)
        {
            string? label = null;
            foreach (var l in AllLabels)
            {
                if ((label is null || l.Length > label.Length) && StartsWithAcross(tokens, pos, offset, Math.Min(rowEnd, pos + 5), l))
                {
                    label = l;
                }
            }

            if (label is null)
            {
                break;
            }

            labels.Add(label);
            var left = label.Length;
            while (pos < rowEnd && left >= tokens[pos].Fold.Length - offset)
            {
                left -= tokens[pos].Fold.Length - offset;
                pos++;
                offset = 0;
            }

            offset += left;
        }

        if (offset > 0 && pos < rowEnd)
        {
            var t = tokens[pos];
            tokens[pos] = t with { Text = t.Text.Length == t.Fold.Length ? t.Text[offset..] : t.Fold[offset..], Fold = t.Fold[offset..] };
        }

        return (labels, pos);
    }

    /// <summary>Whether the folded text of tokens [pos, end), from <paramref name="offset"/> in the first, starts with the label.</summary>
    private static bool StartsWithAcross(List<Token> tokens, int pos, int offset, int end, string label)
    {
        var k = 0;
        for (var t = pos; t < end && k < label.Length; t++)
        {
            var f = tokens[t].Fold.AsSpan(t == pos ? offset : 0);
            var n = Math.Min(f.Length, label.Length - k);
            if (!f[..n].SequenceEqual(label.AsSpan(k, n)))
            {
                return false;
            }

            k += n;
        }

        return k == label.Length;
    }

    /// <summary>The value's token span: an operator value with its unit, a date, or the qualitative target before the basis.</summary>
    private static (int Start, int End) FindValue(List<Token> tokens, int from, int rowEnd)
    {
        for (var i = from; i < rowEnd; i++)
        {
            var f = tokens[i].Fold;
            if (IndicatorValue.StartsWithOperator(f) && f.Length > 1)
            {
                var end = i + 1;
                for (var k = i + 1; k < i + 1 + Math.Min(4, rowEnd - i - 1); k++)
                {
                    if (IsBasis(tokens, k, rowEnd, out _))
                    {
                        return (i, k); // a value wrapped over cells: =65%和 / 75%区间 / 计划标准
                    }
                }

                if (!HasLetter(f) && !f.EndsWith('%'))
                {
                    var unit = 0;
                    while (end < rowEnd && IsUnitPiece(tokens[end].Fold) && unit + tokens[end].Fold.Length <= 6)
                    {
                        unit += tokens[end].Fold.Length;
                        end++;
                    }
                }

                return (i, end);
            }

            if (i > from && DatePrefix().IsMatch(f) && f.Length >= 4)
            {
                var end = i + 1;
                var acc = f;
                while (end < rowEnd && DatePrefix().IsMatch(acc + tokens[end].Fold))
                {
                    acc += tokens[end].Fold;
                    end++;
                }

                return (i, end);
            }

            if (IsBasis(tokens, i, rowEnd, out _))
            {
                if (i <= from)
                {
                    return (-1, -1);
                }

                var start = i - 1;
                if (tokens[i - 1].Line != tokens[i].Line)
                {
                    for (var j = i - 1; j > from && j >= i - 3; j--)
                    {
                        if (StartsWithAny(tokens[j].Fold, QualitativeLeads))
                        {
                            start = j;
                            break;
                        }
                    }
                }

                return (start, i);
            }
        }

        return (-1, -1);
    }

    private static bool StartsWithAny(string s, string[] prefixes)
    {
        foreach (var p in prefixes)
        {
            if (s.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A standard basis kind (计划标准, 历史标准, 预算支出标准 …) at token i (tokens before <paramref name="end"/>), possibly
    /// wrapped over up to three tokens (预算支出标 / 准): true with the number of tokens it takes.
    /// </summary>
    private static bool IsBasis(List<Token> tokens, int i, int end, out int length)
    {
        Span<char> f = stackalloc char[LongestBasis];
        var n = 0;
        for (length = 1; length <= 3 && i + length - 1 < end; length++)
        {
            var piece = tokens[i + length - 1].Fold;
            if (n + piece.Length > f.Length)
            {
                return false; // longer than every kind: neither one nor the start of one
            }

            piece.CopyTo(f[n..]);
            n += piece.Length;
            var text = f[..n];
            var prefix = false;
            foreach (var b in BasisKinds)
            {
                if (b.AsSpan().SequenceEqual(text))
                {
                    return true;
                }

                prefix |= b.AsSpan().StartsWith(text);
            }

            if (!prefix)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsUnitPiece(string f) =>
        f.Length is > 0 and <= 3 && !HasDigit(f) && f != "无" && !f.EndsWith('标') && !f.EndsWith("标准", StringComparison.Ordinal);
}
