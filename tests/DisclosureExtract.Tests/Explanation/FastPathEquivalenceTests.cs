using System.Text;
using System.Text.RegularExpressions;
using DisclosureExtract.Explanation;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tests.Explanation;

/// <summary>
/// The hand-written readers that replaced patterns and copies for speed must answer as the patterns did on ANY
/// input, not only on the corpus: each is compared with the pattern (or the former code) on random strings drawn
/// from the characters that matter to it (digits, white space of several kinds, full-width forms, operators, CJK).
/// </summary>
public class FastPathEquivalenceTests
{
    private static IEnumerable<string> RandomStrings(string alphabet, int count, int maxLength, int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            var sb = new StringBuilder();
            var length = random.Next(0, maxLength + 1);
            for (var i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            yield return sb.ToString();
        }
    }

    [Fact]
    public void Function_code_at_a_line_start_is_read_as_the_code_patterns_read_it()
    {
        string[] samples = ["210 11 01 行政单位医疗 12.5", "2101101 行政单位医疗", "210 1101 x", "21011 01 y", "210", "210 11", "210 11 0", "2101 1",
            "210  11  01", "210\t11\t01 名", "2100", "21", "310 11", "210 11 01\n名", "210 11\n", "210\u00A011 01", "210 11 012", "21011011"];
        var checkedCodes = 0;
        Span<char> fast = stackalloc char[8];
        Span<char> slow = stackalloc char[8];
        foreach (var s in samples.Concat(RandomStrings("2210 \t\u00A0\n名.", 20000, 12, 7).Select(r => "21" + r)))
        {
            var okFast = FunctionCodeIndex.CodeAtStart(s, fast, out var fastLength, out var fastRest);
            var okSlow = FunctionCodeIndex.CodeAtStartByPattern(s, slow, out var slowLength, out var slowRest);
            Assert.True(okFast == okSlow, $"'{s}': {okFast} / {okSlow}");
            if (okSlow)
            {
                Assert.Equal(slow[..slowLength].ToString(), fast[..fastLength].ToString());
                Assert.Equal(slowRest, fastRest);
                checkedCodes++;
            }
        }

        Assert.True(checkedCodes > 1000, "the random lines must hold codes too");
    }

    private static readonly Regex Numeric = new(@"^(?<op>>=|<=|=|>|<)(?<num>\d+(?:\.\d+)?)(?<unit>.*)$");

    [Fact]
    public void Indicator_values_are_parsed_as_the_value_pattern_reads_them()
    {
        var numbers = 0;
        foreach (var s in RandomStrings("=<>≥≤１0.5%人 \\$和", 20000, 8, 11))
        {
            var (op, value, unit, qualitative) = IndicatorValue.Parse(s);
            var m = Numeric.Match(IndicatorValue.Fold(s));
            if (!m.Success)
            {
                Assert.Equal((null, null, null, s.Length > 0 ? s : null), (op, value, unit, qualitative));
                continue;
            }

            numbers++;
            var u = m.Groups["unit"].Value;
            var compound = u.Any(char.IsDigit);
            Assert.Equal(m.Groups["op"].Value, op);
            Assert.Equal(SentenceReader.ParseNumber(m.Groups["num"].Value), value);
            Assert.Equal(compound || u.Length == 0 ? null : u, unit);
            Assert.Equal(compound ? s : null, qualitative);
        }

        Assert.True(numbers > 1000, "the random values must hold numbers too");
    }

    /// <summary>The former <see cref="IndicatorValue.Fold"/>: every replacement and a pass over every character.</summary>
    private static string FoldIndicatorAsBefore(string printed)
    {
        var s = printed
            .Replace(@"\geq", ">=", StringComparison.Ordinal).Replace(@"\leq", "<=", StringComparison.Ordinal)
            .Replace(@"\ge", ">=", StringComparison.Ordinal).Replace(@"\le", "<=", StringComparison.Ordinal)
            .Replace(@"\gt", ">", StringComparison.Ordinal).Replace(@"\lt", "<", StringComparison.Ordinal)
            .Replace(@"\%", "%", StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal)
            .Replace("≥", ">=", StringComparison.Ordinal).Replace("≤", "<=", StringComparison.Ordinal)
            .Replace("⩾", ">=", StringComparison.Ordinal).Replace("⩽", "<=", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c != '\u3000')
            {
                sb.Append(JoinedText.Fold(c));
            }
        }

        return sb.ToString().Replace("＞", ">", StringComparison.Ordinal).Replace("＜", "<", StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_fold_answers_as_before_with_or_without_anything_to_fold()
    {
        foreach (var s in RandomStrings("ab人%=1 \u3000\u00A0\\gelq$≥⩽＞（】—", 20000, 10, 13))
        {
            Assert.Equal(FoldIndicatorAsBefore(s), IndicatorValue.Fold(s));
        }
    }

    /// <summary>The former <see cref="TextNormalizer.Fold"/>: a pass over every character.</summary>
    private static string FoldLineAsBefore(string text)
    {
        var sb = new StringBuilder();
        var pendingSpace = false;
        foreach (var ch in text)
        {
            var c = ch switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(ch - 0xFEE0),
                '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
                _ => ch,
            };
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    [Fact]
    public void Line_fold_answers_as_before_with_or_without_anything_to_fold()
    {
        var unchanged = 0;
        foreach (var s in RandomStrings("a中1  \t\u3000\u00A0\u2009（Ａ", 20000, 8, 17))
        {
            var folded = TextNormalizer.Fold(s);
            Assert.Equal(FoldLineAsBefore(s), folded);
            unchanged += ReferenceEquals(folded, s) ? 1 : 0;
        }

        Assert.True(unchanged > 100, "text with nothing to fold is returned as it is");
    }

    private static readonly string[] SentencePieces =
        ["。", "1.", "(2)", "、", ";", ":", ",", "社会保障和就业支出", "(类)", "行政事业单位养老支出", "(款)", "机关事业单位基本养老保险缴费支出", "(项)",
         "2023年", "预算数为", "31.30", "万元", "比上年增加", "主要原因是", "其他", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"];

    /// <summary>Sentences as printed (a 类 amount, an item path with its amount), each piece dropped, replaced or doubled now and then.</summary>
    private static readonly int[][] Canonical =
    [
        [0, 7, 8, 14, 15, 16, 5],
        [1, 7, 8, 9, 10, 11, 12, 5, 13, 14, 15, 16, 17, 15, 18],
        [6, 20, 8, 15, 16, 2, 9, 10, 11, 12, 4, 14, 15, 16],
    ];

    private static IEnumerable<string> RandomSentences(int count, int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            var sb = new StringBuilder();
            var sentences = random.Next(1, 5);
            for (var k = 0; k < sentences; k++)
            {
                foreach (var piece in Canonical[random.Next(Canonical.Length)])
                {
                    var roll = random.Next(20);
                    if (roll == 0)
                    {
                        continue; // dropped
                    }

                    sb.Append(SentencePieces[roll == 1 ? random.Next(SentencePieces.Length) : piece]);
                    if (roll == 2)
                    {
                        sb.Append(SentencePieces[random.Next(SentencePieces.Length)]);
                    }
                }
            }

            yield return sb.ToString();
        }
    }

    private static List<(int, int)> Extents(IEnumerable<Match> matches) => [.. matches.Select(m => (m.Index, m.Length))];

    [Fact]
    public void Class_and_item_matches_started_near_their_marks_are_the_pattern_matches()
    {
        var found = 0;
        foreach (var s in RandomSentences(5000, 23))
        {
            var classes = Extents(FigureExtractor.ClassMatches(s));
            Assert.Equal(Extents(FigureExtractor.ClassStructure().Matches(s)), classes);
            var items = Extents(ItemExtractor.ItemMatches(s));
            Assert.Equal(Extents(ItemExtractor.Item().Matches(s)), items);
            found += classes.Count + items.Count;
        }

        Assert.True(found > 1000, "the random sentences must hold matches too");
    }

    [Fact]
    public void Characters_the_joined_text_copies_without_look_ups_are_neither_white_space_nor_folded()
    {
        for (var c = (char)0x21; c < 0x7F; c++)
        {
            Assert.False(char.IsWhiteSpace(c));
            Assert.Equal(c, JoinedText.Fold(c));
        }

        for (var c = '\u3016'; c <= '\uFF00'; c++)
        {
            Assert.False(char.IsWhiteSpace(c));
            Assert.Equal(c, JoinedText.Fold(c));
        }
    }

    [Theory]
    [InlineData("占12.5%，主要原因是人员增加。", "12.5", "人员增加")]
    [InlineData("，占比1,234.50%；主要用于办公。", "1234.50", "办公")]
    [InlineData("占比%，原因是", null, null)]
    public void Share_and_reason_are_read_from_the_match_extents(string text, string? share, string? reason)
    {
        var doc = new DisclosureExtract.Reading.PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(text), "");
        var t = JoinedText.Of(doc.Lines);

        var (s, _, r, _) = SentenceReader.Tail(t, 0, t.Length);

        Assert.Equal(share, s?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(reason, r);
    }
    [Fact]
    public void A_line_is_found_folded_as_the_vectorized_search_found_it()
    {
        var foldable = System.Buffers.SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => (char.IsWhiteSpace(c) && c != ' ') || c is >= '\uFF01' and <= '\uFF5E').ToArray());
        static bool Former(string t, System.Buffers.SearchValues<char> f) =>
            t[0] != ' ' && t[^1] != ' ' && t.AsSpan().IndexOfAny(f) < 0 && !t.Contains("  ", StringComparison.Ordinal);

        // every character alone and between letters, then random lines of the characters that matter
        var singles = Enumerable.Range(1, char.MaxValue).Select(c => (char)c).SelectMany(c => new[] { c.ToString(), $"a{c}中", $"中{c}{c}a" });
        var folded = 0;
        var checkedLines = 0;
        foreach (var line in singles.Concat(RandomStrings(" \u3000\u00A0\t\u2028\u200B～ＡＺ０a1.中表\uFF5E\uFF5F\u3001", 50000, 10, 11)).Where(l => l.Length > 0))
        {
            Assert.True(Former(line, foldable) == TextNormalizer.IsFolded(line), $"\"{line}\" ({string.Join(' ', line.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))})");
            folded += TextNormalizer.IsFolded(line) ? 1 : 0;
            checkedLines++;
        }

        Assert.True(folded > 1000 && folded < checkedLines - 1000, $"{folded} of {checkedLines} folded");
    }

    [Fact]
    public void A_leader_is_found_as_the_leader_pattern_finds_it()
    {
        var found = 0;
        var lines = RandomStrings("….·-_a中 1", 50000, 14, 13).Concat(["", "…", "……", "...", "....", "·-·-", "____", "中……3", "-- --", "a....b"]);
        foreach (var line in lines)
        {
            var byPattern = DisclosureExtract.Parts.Contents.Leader().IsMatch(line);
            Assert.True(byPattern == DisclosureExtract.Parts.Contents.HasLeader(line), $"\"{line}\"");
            found += byPattern ? 1 : 0;
        }

        Assert.True(found > 1000, $"{found} leaders");
    }
}
