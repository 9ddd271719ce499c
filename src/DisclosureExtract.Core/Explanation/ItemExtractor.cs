using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// 一般公共预算当年拨款具体使用情况: "社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项):
/// 2023 年预算数为 31.30 万元，比上年预算增加 6.52 万元，增长 26.36%，主要原因是：…". The path resolves to a code by name.
/// </summary>
public static partial class ItemExtractor
{
    [GeneratedRegex(@"(?<=[\d)][.、]|[。;:])(?<path>(?:[^()。;:,]{1,40}?\((?:类|款|项)\)){2,3}):?(?:\d{4}年)?(?:的)?(?:预算数|预算|安排)(?:为)?(?<amt>" + SentenceReader.Number + @")(?<unit>万元|元)")]
    internal static partial Regex Item();

    /// <summary>A 类 stated without level marks: "教育支出 1.2 万元，主要用于 …".</summary>
    [GeneratedRegex(@"(?<=[:;。,])(?<name>[^()。;:,\d]{2,20}?支出)(?<amt>" + SentenceReader.Number + @")(?<unit>万元|元)")]
    private static partial Regex PlainClass();

    [GeneratedRegex(@"(?<name>[^()]+?)\((?<level>类|款|项)\)")]
    private static partial Regex Segment();

    [GeneratedRegex(@"^(?:\d{1,2}[.、]|\(\d{1,2}\))")]
    private static partial Regex LeadingEnumerator();

    public static IReadOnlyList<ItemExplanation> Extract(IEnumerable<ExplanationSection> sections, FunctionCodeIndex codes)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(codes);
        var list = new List<ItemExplanation>();
        foreach (var s in sections.Where(x => x.Kind == SectionKind.GeneralBudget))
        {
            var t = s.Text;
            var matches = ItemMatches(t.Text);
            if (matches.Count == 0)
            {
                list.AddRange(PlainClasses(t, codes, list.Count));
                continue;
            }

            for (var i = 0; i < matches.Count; i++)
            {
                var m = matches[i];
                var limit = i + 1 < matches.Count ? matches[i + 1].Index : t.Length;
                var (_, change, reason, _) = SentenceReader.Tail(t, m.Index + m.Length, limit);
                var (names, cls, sec, item) = ReadPath(t, m.Groups["path"]);
                var (code, source) = codes.Resolve(cls, sec, item);
                list.Add(new ItemExplanation(list.Count + 1, names, cls, sec, item, code, source,
                    SentenceReader.ParseNumber(m.Groups["amt"].ValueSpan), SentenceReader.Unit(m.Groups["unit"]), change, reason, t.LineAt(m.Groups["path"].Index)));
            }
        }

        return list;
    }

    /// <summary>A 类/款/项 path (1 to 3 names with their level marks) after an enumerator or a sentence break, without an amount.</summary>
    [GeneratedRegex(@"(?<=[\d)][.、]|[。;:])(?<path>(?:[^()。;:,]{1,40}?\((?:类|款|项)\)){1,3})")]
    internal static partial Regex ItemPath();

    /// <summary>The names of a path group: printed, joined as name(level)/…, and by level.</summary>
    internal static (string Path, string? Class, string? Section, string? Item) ReadPath(JoinedText t, Group path)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(path);
        string? cls = null, sec = null, item = null;
        var names = new List<string>();
        foreach (var seg in Segment().EnumerateMatches(path.ValueSpan))
        {
            // name(level): the name is all but the last three characters, the level the one before the closing bracket
            var printed = t.PrintedSpan(path.Index + seg.Index, seg.Length - 3);
            printed = LeadingEnumerator().Replace(printed, string.Empty);
            var level = path.ValueSpan[seg.Index + seg.Length - 2] switch { '类' => "类", '款' => "款", _ => "项" };
            names.Add(printed + "(" + level + ")");
            switch (level)
            {
                case "类": cls = printed; break;
                case "款": sec = printed; break;
                default: item = printed; break;
            }
        }

        return (string.Join('/', names), cls, sec, item);
    }

    /// <summary>
    /// The matches of <see cref="Item"/> in order, as <see cref="Regex.Matches(string)"/> finds them, with each search
    /// started near the next level mark ((类), (款) or (项)): a path's first name is 1 to 40 characters right before its
    /// mark, so no match starts more than 40 characters before the first mark after the previous match (look-behind still
    /// sees the text before the start).
    /// </summary>
    internal static List<Match> ItemMatches(string text)
    {
        const int LongestName = 40;
        var list = new List<Match>();
        var pos = 0;
        while (NextLevelMark(text, pos) is var mark && mark >= 0)
        {
            var m = Item().Match(text, Math.Max(pos, mark - LongestName));
            if (!m.Success)
            {
                break;
            }

            list.Add(m);
            pos = m.Index + m.Length; // matches are never empty
        }

        return list;
    }

    /// <summary>The offset of the next "(类)", "(款)" or "(项)" from an offset, or -1.</summary>
    private static int NextLevelMark(string text, int from)
    {
        for (var i = text.IndexOf('(', from); i >= 0; i = text.IndexOf('(', i + 1))
        {
            if (i + 2 < text.Length && text[i + 1] is '类' or '款' or '项' && text[i + 2] == ')')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// 具体使用情况 written per 类 without level marks (bayingol-2023): names that resolve to a 类 code
    /// become 类 items with their purpose (主要用于 …) as the reason.
    /// </summary>
    private static IEnumerable<ItemExplanation> PlainClasses(JoinedText t, FunctionCodeIndex codes, int seq)
    {
        var from = t.Text.IndexOf("具体使用情况", StringComparison.Ordinal);
        if (from < 0)
        {
            yield break;
        }

        foreach (var (m, name, code, limit) in SentenceReader.ClassMentions(t, PlainClass(), from, codes))
        {
            var (_, change, reason, _) = SentenceReader.Tail(t, m.Index + m.Length, limit);
            yield return new ItemExplanation(++seq, name + "(类)", name, null, null, code.Code, code.Source,
                SentenceReader.ParseNumber(m.Groups["amt"].ValueSpan), SentenceReader.Unit(m.Groups["unit"]), change, reason?.TrimEnd(';', '；', '。'), t.LineAt(m.Index));
        }
    }
}
