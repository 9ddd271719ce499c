using System.Text.RegularExpressions;
using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Explanation;

/// <summary>
/// The explanation part of a kind of disclosure whose catalog describes it as data (final accounts: Catalog/final_accounts.json,
/// "explanation"): numbered sections by the words of their headings, figures by the catalog's patterns (with what follows
/// them: a change against last year, 年初预算数 and 完成年初预算的 x%, a reason), per-item sentences (类/款/项 paths with their
/// 决算数, 年初预算数 and completion), the 类 structure, and tables of scores. The words are all the catalog's.
/// </summary>
public static class CatalogExplanation
{
    public static ExplanationData Extract(SourceDocument doc, IReadOnlyList<DocumentPart> parts, ExplanationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(spec);
        var regions = parts.Where(p => p.Kind == PartKind.Explanation).ToList();
        if (regions.Count == 0)
        {
            return ExplanationData.Empty;
        }

        var codes = FunctionCodeIndex.Build(doc, parts);
        var figures = new List<ExplanationFigure>();
        var items = new List<ItemExplanation>();
        var tables = new List<PerformanceTable>();
        foreach (var region in regions)
        {
            foreach (var s in ExplanationSections.Split(doc, region.StartLine, region.EndLine))
            {
                var title = TextNormalizer.Squeeze(s.Title);
                var key = spec.Sections.FirstOrDefault(x => x.Rule.Matches(title)).Key ?? "other";
                Figures(s.Text, key, spec, figures);
                if (spec.StructureSections.Contains(key))
                {
                    FigureExtractor.Structure(s.Text, codes, figures);
                }

                if (spec.Items is { } itemSpec && itemSpec.Sections.Contains(key))
                {
                    Items(s.Text, itemSpec, spec, codes, items);
                }
            }

            ScoreTables(doc, region, spec, figures);
            var t0 = tables.Count;
            foreach (var t in PerformanceTableExtractor.Extract(doc, region.StartLine, region.EndLine))
            {
                tables.Add(t0 == 0 ? t : t with { Seq = t0 + t.Seq });
            }
        }

        return new ExplanationData(figures, [], items, tables);
    }

    /// <summary>The figures of one section: every match of the figures read in it, in printed order; a match inside one
    /// taken before is not another figure; each figure's tail reads up to the next figure.</summary>
    private static void Figures(JoinedText t, string section, ExplanationSpec spec, List<ExplanationFigure> list)
    {
        var found = new List<(FigureSpec Spec, Match Match, int Order)>();
        for (var i = 0; i < spec.Figures.Count; i++)
        {
            var f = spec.Figures[i];
            if (!f.Sections.Contains(section))
            {
                continue;
            }

            foreach (Match m in f.Pattern.Matches(t.Text))
            {
                found.Add((f, m, i));
            }
        }

        found.Sort((a, b) => a.Match.Index != b.Match.Index ? a.Match.Index.CompareTo(b.Match.Index) : a.Order.CompareTo(b.Order));
        var taken = new List<(FigureSpec Spec, Match Match)>();
        var end = -1;
        foreach (var (f, m, _) in found)
        {
            if (m.Index < end)
            {
                continue; // inside a figure already taken
            }

            taken.Add((f, m));
            end = m.Index + m.Length;
        }

        for (var i = 0; i < taken.Count; i++)
        {
            var (f, m) = taken[i];
            if (KeyOf(f, m) is not { } key)
            {
                continue;
            }

            var limit = i + 1 < taken.Count ? taken[i + 1].Match.Index : t.Length;
            var label = m.Groups["label"].Success ? t.PrintedSpan(m.Groups["label"].Index, m.Groups["label"].Length) : f.Label;
            var at = m.Groups["amt"].Success ? m.Groups["amt"].Index : m.Groups["qty"].Success ? m.Groups["qty"].Index : m.Index;
            var figure = new ExplanationFigure(f.Section, key, label, null, Number(m, "amt"), m.Groups["unit"].Success ? m.Groups["unit"].Value : string.Empty,
                Number(m, "qty"), m.Groups["qty"].Success ? f.QuantityUnit : null, Number(m, "share"), Change(m), null, t.LineAt(at))
            {
                Budget = Number(m, "budget"),
                CompletionRate = Number(m, "completion"),
            };
            figure = Tail(t, m.Index + m.Length, limit, f.Tail, spec, figure);
            var existing = list.FindIndex(x => x.Section == f.Section && x.Key == key);
            if (f.Merge && existing >= 0)
            {
                list[existing] = Merge(list[existing], figure);
            }
            else if (existing < 0 || f.All)
            {
                list.Add(figure);
            }
        }
    }

    /// <summary>The key of a match: the figure's, with "{group}" replaced by the group's value; by the word its label contains
    /// when the figure maps labels to keys (null when none does).</summary>
    private static string? KeyOf(FigureSpec f, Match m)
    {
        var key = f.Key;
        if (f.Keys.Count > 0)
        {
            var label = TextNormalizer.Squeeze(m.Groups["label"].Value);
            key = f.Keys.FirstOrDefault(k => label.Contains(k.Word, StringComparison.Ordinal)).Key;
            if (key is null)
            {
                return null;
            }
        }

        return key.Contains('{', StringComparison.Ordinal) ? Regex.Replace(key, @"\{(\w+)\}", g => m.Groups[g.Groups[1].Value].Value) : key;
    }

    /// <summary>The snippets read after a figure (each at its first match before the next figure, or in the rest of the section).</summary>
    private static ExplanationFigure Tail(JoinedText t, int from, int limit, IReadOnlyList<string> tail, ExplanationSpec spec, ExplanationFigure figure)
    {
        foreach (var name in tail)
        {
            var snippet = spec.Snippets[name];
            var to = snippet.WholeSection ? t.Length : limit;
            if (to <= from)
            {
                continue;
            }

            var m = snippet.Pattern.Match(t.Text, from, to - from);
            if (!m.Success)
            {
                continue;
            }

            figure = figure with
            {
                Share = figure.Share ?? Number(m, "share"),
                Change = figure.Change ?? Change(m),
                Reason = figure.Reason ?? Reason(t, m),
                Budget = figure.Budget ?? Number(m, "budget"),
                CompletionRate = figure.CompletionRate ?? Number(m, "completion"),
            };
        }

        return figure;
    }

    /// <summary>A figure read again in a later sentence (the change of the 三公 total): what the first reading lacks.</summary>
    private static ExplanationFigure Merge(ExplanationFigure first, ExplanationFigure later) => first with
    {
        Amount = first.Amount ?? later.Amount,
        Unit = first.Amount is null ? later.Unit : first.Unit,
        Share = first.Share ?? later.Share,
        Change = first.Change ?? later.Change,
        Reason = first.Reason ?? later.Reason,
        Budget = first.Budget ?? later.Budget,
        CompletionRate = first.CompletionRate ?? later.CompletionRate,
    };

    private static decimal? Number(Match m, string group) =>
        m.Groups[group].Success && m.Groups[group].Length > 0 ? SentenceReader.ParseNumber(m.Groups[group].ValueSpan) : null;

    private static string? Reason(JoinedText t, Match m)
    {
        var g = m.Groups["reason"];
        if (!g.Success)
        {
            return null;
        }

        var r = t.PrintedSpan(g.Index, g.Length).Trim(';', '；', ',', '，', '。');
        return r.Length > 0 ? r : null;
    }

    /// <summary>A change from the groups dir (增加/减少/增长/下降), chg, cunit, rdir, rate, or same (持平); null when none matched.</summary>
    private static YearChange? Change(Match m)
    {
        if (m.Groups["same"].Success)
        {
            return new YearChange("unchanged", null, null);
        }

        if (!m.Groups["dir"].Success)
        {
            return null;
        }

        var down = m.Groups["dir"].ValueSpan is "减少" or "下降";
        var amount = Number(m, "chg");
        var rate = Number(m, "rate");
        return new YearChange(down ? "decrease" : "increase", amount, rate, m.Groups["cunit"].Success && m.Groups["cunit"].Length > 0 ? m.Groups["cunit"].Value : null);
    }

    /// <summary>Per-item sentences: each 类/款/项 path followed, before the next path, by the values pattern.</summary>
    private static void Items(JoinedText t, ItemSpec itemSpec, ExplanationSpec spec, FunctionCodeIndex codes, List<ItemExplanation> list)
    {
        var paths = ItemExtractor.ItemPath().Matches(t.Text);
        for (var i = 0; i < paths.Count; i++)
        {
            var p = paths[i];
            var limit = i + 1 < paths.Count ? paths[i + 1].Index : t.Length;
            var start = p.Index + p.Length;
            var v = itemSpec.Values.Match(t.Text, start, limit - start);
            if (!v.Success || (spec.Amount is { } amount && amount.Match(t.Text, start, v.Index - start).Success))
            {
                continue; // a path named in a reason, without the item's figures; a 类 of the structure with its own amount
            }

            var (names, cls, sec, item) = ItemExtractor.ReadPath(t, p.Groups["path"]);
            var (code, source) = codes.Resolve(cls, sec, item);
            var tail = Tail(t, start, limit, itemSpec.Tail, spec,
                new ExplanationFigure("item", string.Empty, names, null, null, string.Empty, null, null, null, null, null, 0));
            list.Add(new ItemExplanation(list.Count + 1, names, cls, sec, item, code, source, Number(v, "amt"), v.Groups["unit"].Value, Change(v) ?? tail.Change,
                tail.Reason, t.LineAt(p.Groups["path"].Index))
            {
                Budget = Number(v, "budget"),
                CompletionRate = Number(v, "completion") ?? tail.CompletionRate,
            });
        }
    }

    /// <summary>Tables of scores printed in the text (项目名称 | 自评分数): one figure per row, the score as its quantity.</summary>
    private static void ScoreTables(SourceDocument doc, DocumentPart region, ExplanationSpec spec, List<ExplanationFigure> list)
    {
        foreach (var table in spec.ScoreTables)
        {
            (int Name, int Score)? columns = null;
            for (var i = region.StartLine; i < region.EndLine; i++)
            {
                var line = doc.Lines[i];
                if (line.Cells is not { Count: > 1 } cells)
                {
                    columns = null;
                    continue;
                }

                var texts = cells.Select(c => TextNormalizer.Squeeze(c.Text)).ToList();
                var name = texts.FindIndex(x => table.NameLabels.Contains(x));
                var score = texts.FindIndex(x => table.ScoreLabels.Contains(x));
                if (name >= 0 && score >= 0)
                {
                    columns = (name, score);
                    continue;
                }

                if (columns is not { } c || c.Score >= texts.Count || c.Name >= texts.Count || !Tables.LineSyntax.IsAmount(texts[c.Score]) || texts[c.Name].Length == 0)
                {
                    continue;
                }

                list.Add(new ExplanationFigure(table.Section, table.Key, texts[c.Name], null, null, string.Empty,
                    SentenceReader.ParseNumber(texts[c.Score]), table.Unit, null, null, null, i));
            }
        }
    }
}
