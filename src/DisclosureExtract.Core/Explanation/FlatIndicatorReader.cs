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
    private sealed record Token(string Text, string Fold, int Line);

    [GeneratedRegex(@"^\d{4}(?:年(?:\d{1,2}(?:月(?:\d{1,2}(?:日(?:前|之前|以前)?)?)?)?)?)?$")]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"(资料|材料|凭证)$")]
    private static partial Regex EvidenceEnd();

    /// <summary>The standard kinds of 指标值设置依据 in project tables (the national framework's list).</summary>
    private static readonly string[] BasisKinds = ["计划标准", "历史标准", "行业标准", "其他标准", "预算支出标准", "国家标准", "行业或国家标准", "地方标准", "社会标准", "经验标准"];

    private static readonly string[] QualitativeLeads = ["有效", "显著", "明显", "不断", "持续", "稳步", "稳定", "逐步", "有所", "大幅", "全面", "进一步", "长期", "全年", "成效", "基本", "较好", "良好"];

    public static IReadOnlyList<PerformanceIndicator> Read(SourceDocument doc, int headerRow, int end, bool projectTable)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var tokens = BodyTokens(doc, headerRow, end, projectTable);
        var rows = projectTable ? RowsEndingWithEvidence(tokens) : RowsEndingWithWeight(tokens);
        var list = new List<PerformanceIndicator>();
        string? l1 = null, l2 = null;
        foreach (var row in rows)
        {
            var p = Parse(row, projectTable, list.Count + 1, ref l1, ref l2);
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
        var tokens = new List<Token>();
        var headerText = string.Empty;
        var inHeader = true;
        for (var i = headerRow; i < end; i++)
        {
            var line = doc.Lines[i];
            var compact = PerformanceTableExtractor.Compact(line.Norm);
            if (compact.Length == 0)
            {
                continue;
            }

            if (!inHeader && compact.StartsWith("一级指标", StringComparison.Ordinal))
            {
                inHeader = true; // the header repeated after a page break
                headerText = string.Empty;
            }

            if (inHeader)
            {
                headerText += compact;
                inHeader = !(projectTable ? headerText.Contains("佐证资料", StringComparison.Ordinal) : headerText.EndsWith("权重", StringComparison.Ordinal));
                continue;
            }

            foreach (var piece in line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.Add(new Token(piece, IndicatorValue.Fold(piece), i));
            }
        }

        return tokens;
    }

    private static List<List<Token>> RowsEndingWithEvidence(List<Token> tokens)
    {
        var rows = new List<List<Token>>();
        var row = new List<Token>();
        var seenRule = false;
        foreach (var t in tokens)
        {
            row.Add(t);
            seenRule |= t.Fold.Contains('赋', StringComparison.Ordinal);
            if (seenRule && EvidenceEnd().IsMatch(LastThree(row)))
            {
                rows.Add(row);
                row = [];
                seenRule = false;
            }
        }

        if (row.Count > 0)
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The folded text of the last three tokens of a row (an evidence word may wrap over them).</summary>
    private static string LastThree(List<Token> row) => row.Count switch
    {
        1 => row[0].Fold,
        2 => string.Concat(row[0].Fold, row[1].Fold),
        _ => string.Concat(row[^3].Fold, row[^2].Fold, row[^1].Fold),
    };

    /// <summary>The printed text of the tokens [start, end).</summary>
    private static string TextOf(List<Token> row, int start, int end)
    {
        if (end - start == 1)
        {
            return row[start].Text;
        }

        var sb = new System.Text.StringBuilder();
        for (var i = start; i < end; i++)
        {
            sb.Append(row[i].Text);
        }

        return sb.ToString();
    }

    private static List<List<Token>> RowsEndingWithWeight(List<Token> tokens)
    {
        var rows = new List<List<Token>>();
        var row = new List<Token>();
        var seenValue = false;
        foreach (var t in tokens)
        {
            row.Add(t);
            if (seenValue && WholeNumber().IsMatch(t.Fold))
            {
                rows.Add(row);
                row = [];
                seenValue = false;
                continue;
            }

            seenValue |= IndicatorValue.StartsWithOperator(t.Fold);
        }

        if (row.Count > 0)
        {
            rows.Add(row);
        }

        return rows;
    }

    private static PerformanceIndicator? Parse(List<Token> row, bool projectTable, int seq, ref string? l1, ref string? l2)
    {
        // 1. level labels, each possibly wrapped over several tokens, or two of them run together (标满意 / 度指标)
        var (labels, pos) = Labels(row);
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
        var (vStart, vEnd) = FindValue(row, pos);
        if (vStart < 0)
        {
            return null;
        }

        var name = TextOf(row, pos, vStart);
        var valueText = TextOf(row, vStart, vEnd);

        // 3. the rest: basis, prior, weight, rule, evidence
        var rest = row.GetRange(vEnd, row.Count - vEnd);
        var w = rest.FindLastIndex(t => WholeNumber().IsMatch(t.Fold));
        if (w >= 0 && rest.Skip(w + 1).Any(t => t.Fold.Any(char.IsDigit)))
        {
            w = -1;
        }

        int ruleStart;
        string weight;
        if (w >= 0)
        {
            ruleStart = w + 1;
            weight = rest[w].Fold;
        }
        else
        {
            ruleStart = rest.FindIndex(t => t.Fold.Contains('赋', StringComparison.Ordinal) || t.Fold.StartsWith('按'));
            if (ruleStart < 0)
            {
                ruleStart = rest.Count;
            }

            weight = string.Empty;
        }

        var middle = rest.GetRange(0, w >= 0 ? w : ruleStart);
        string basis, prior;
        if (projectTable)
        {
            var n = middle.Count > 0 ? 1 : 0;
            if (IsBasis(middle, 0, out var known))
            {
                n = known;
            }
            else
            {
                while (n < middle.Count && (middle[n - 1].Fold.EndsWith('标') || middle[n - 1].Fold.EndsWith('要') || middle[n].Fold is "准" or "标准"))
                {
                    n++;
                }
            }

            basis = TextOf(middle, 0, n);
            prior = TextOf(middle, n, middle.Count);
        }
        else
        {
            basis = TextOf(middle, 0, middle.Count);
            prior = string.Empty;
        }

        // the rule ends with its 赋分 even when the evidence is run on (比例赋分工作 / 资料)
        var tail = TextOf(rest, ruleStart, rest.Count);
        var cut = tail.IndexOf("赋分", StringComparison.Ordinal);
        var rule = cut < 0 ? tail : tail[..(cut + 2)];
        var evidence = cut < 0 ? string.Empty : tail[(cut + 2)..];
        return TabIndicatorReader.Make(seq, l1, l2, name, valueText, basis, prior, weight, rule, evidence, row[vStart].Line);
    }

    /// <summary>
    /// Up to two level labels at the start of a row, matched on the row's characters so that labels
    /// wrapped over tokens or run together are found. A token only partly consumed is replaced by its rest.
    /// </summary>
    private static (List<string> Labels, int Next) Labels(List<Token> row)
    {
        var labels = new List<string>();
        var pos = 0;
        var offset = 0; // characters of row[pos] already consumed
        while (labels.Count < 2 && pos < row.Count)
        {
            var text = row[pos].Fold[offset..] + string.Concat(row.Skip(pos + 1).Take(4).Select(x => x.Fold));
            var label = IndicatorLevels.Level1.Concat(IndicatorLevels.Level2)
                .Where(l => text.StartsWith(l, StringComparison.Ordinal))
                .OrderByDescending(l => l.Length)
                .FirstOrDefault();
            if (label is null)
            {
                break;
            }

            labels.Add(label);
            var left = label.Length;
            while (pos < row.Count && left >= row[pos].Fold.Length - offset)
            {
                left -= row[pos].Fold.Length - offset;
                pos++;
                offset = 0;
            }

            offset += left;
        }

        if (offset > 0 && pos < row.Count)
        {
            var t = row[pos];
            row[pos] = t with { Text = t.Text.Length == t.Fold.Length ? t.Text[offset..] : t.Fold[offset..], Fold = t.Fold[offset..] };
        }

        return (labels, pos);
    }

    /// <summary>The value's token span: an operator value with its unit, a date, or the qualitative target before the basis.</summary>
    private static (int Start, int End) FindValue(List<Token> row, int from)
    {
        for (var i = from; i < row.Count; i++)
        {
            var f = row[i].Fold;
            if (IndicatorValue.StartsWithOperator(f) && f.Length > 1)
            {
                var end = i + 1;
                var basis = Enumerable.Range(i + 1, Math.Max(0, Math.Min(4, row.Count - i - 1))).FirstOrDefault(k => IsBasis(row, k, out _), -1);
                if (basis > 0)
                {
                    return (i, basis); // a value wrapped over cells: =65%和 / 75%区间 / 计划标准
                }

                if (!f.Any(char.IsLetter) && !f.EndsWith('%'))
                {
                    var unit = string.Empty;
                    while (end < row.Count && IsUnitPiece(row[end].Fold) && (unit + row[end].Fold).Length <= 6)
                    {
                        unit += row[end].Fold;
                        end++;
                    }
                }

                return (i, end);
            }

            if (i > from && DatePrefix().IsMatch(f) && f.Length >= 4)
            {
                var end = i + 1;
                var acc = f;
                while (end < row.Count && DatePrefix().IsMatch(acc + row[end].Fold))
                {
                    acc += row[end].Fold;
                    end++;
                }

                return (i, end);
            }

            if (IsBasis(row, i, out _))
            {
                if (i <= from)
                {
                    return (-1, -1);
                }

                var start = i - 1;
                if (row[i - 1].Line != row[i].Line)
                {
                    for (var j = i - 1; j > from && j >= i - 3; j--)
                    {
                        if (QualitativeLeads.Any(l => row[j].Fold.StartsWith(l, StringComparison.Ordinal)))
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

    /// <summary>A standard basis kind (计划标准, 历史标准, 预算支出标准 …), possibly wrapped over up to three tokens (预算支出标 / 准).</summary>
    private static bool IsBasis(List<Token> row, int i, out int length)
    {
        var f = string.Empty;
        for (length = 1; length <= 3 && i + length - 1 < row.Count; length++)
        {
            f += row[i + length - 1].Fold;
            if (BasisKinds.Contains(f, StringComparer.Ordinal))
            {
                return true;
            }

            if (!BasisKinds.Any(b => b.StartsWith(f, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsUnitPiece(string f) =>
        f.Length is > 0 and <= 3 && !f.Any(char.IsDigit) && f != "无" && !f.EndsWith('标') && !f.EndsWith("标准", StringComparison.Ordinal);
}
