using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Totals and structure (收支总预算, income parts with shares, 基本支出/项目支出 with shares, changes and
/// reasons, 类 structure), 三公, 机关运行经费, 政府采购 and 国有资产 figures, matched by keywords in the
/// joined section text.
/// </summary>
public static partial class FigureExtractor
{
    private const string N = SentenceReader.Number;

    [GeneratedRegex(@"(?<label>上级一般公共预算安排的?转移支付(?:资金)?|上级政府性基金(?:预算)?安排的?转移支付(?:资金)?|上级国有资本经营预算安排的?转移支付(?:资金)?|一般公共预算(?:拨款)?(?:收入)?|政府性基金预算(?:拨款)?(?:收入)?|国有资本经营预算(?:拨款)?(?:收入)?|财政专户(?:管理资金|核拨)?|单位资金|非财政拨款结转结余|非财政拨款结余|财政拨款结转结余|财政拨款结转|上年结转结余|事业单位经营收入|事业收入|上级补助收入|附属单位上缴收入|其他收入)(?:为)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex IncomePart();

    [GeneratedRegex(@"[。;](?=上级一般公共预算|上级政府性基金|上级国有资本|一般公共预算|政府性基金|国有资本经营|财政专户|单位资金|非财政拨款|财政拨款结转|上年结转|事业单位经营收入|事业收入|上级补助收入|附属单位上缴收入|其他收入)")]
    private static partial Regex NextIncomeSentence();

    [GeneratedRegex(@"(?<label>基本支出|项目支出|人员经费|公用经费)(?:为)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex SpendingPart();

    [GeneratedRegex(@"(?<label>收支总预算|收入预算|支出预算|拨款合计|财政拨款收支总预算)(?:总额)?(?:为)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex TotalAmount();

    [GeneratedRegex(@"(?<=^|[\d)][.、]|[。;:,)])(?<name>[^()。;:,\d]{2,40}?)\(类\)(?<amt>" + N + @")(?<unit>万元|元)")]
    internal static partial Regex ClassStructure();

    [GeneratedRegex(@"(?<=[:;。,])(?<name>[^()。;:,\d]{2,20}?支出)(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex ClassAmount();

    [GeneratedRegex(@"(?:三公[”""]?经费|三公经费)(?:预算)?(?:数|总额)?(?:为|合计)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex ThreePublicTotal();

    [GeneratedRegex(@"(?<label>因公出国\(境\)(?:费用?)?|公务用车购置及运行(?:维护)?费|公务用车购置(?:费)?|公务用车运行(?:维护)?(?:费)?|公务接待(?:费)?)(?:预算)?(?:为)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex ThreePublicItem();

    [GeneratedRegex(@"(?:三公[”""]?经费|三公经费)(?:预算)?(?=(?:较|比)上年)")]
    private static partial Regex ThreePublicChange();

    [GeneratedRegex(@"(?<label>因公出国\(境\)(?:费用?)?|公务用车购置及运行(?:维护)?费|公务用车购置(?:费)?|公务用车运行(?:维护)?(?:费)?|公务接待(?:费)?)(?=增加|减少)")]
    private static partial Regex ThreePublicItemChange();

    [GeneratedRegex(@"(?:增加|减少)(?<chg>" + N + @")(?<cunit>万元|元)?[,、]?(?<rdir>增长|下降)(?<rate>" + N + @")%")]
    private static partial Regex BareChange();

    [GeneratedRegex(@"(?:机关|单位)?运行经费(?:财政拨款)?(?:预算)?(?:数)?(?:为)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex OperatingExpenses();

    [GeneratedRegex(@"政府采购(?:预算|项目预算)(?:总额)?(?:为|共)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex ProcurementTotal();

    [GeneratedRegex(@"政府采购(?<kind>货物|工程|服务)(?:类)?(?:预算)?(?:为)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex ProcurementKind();

    [GeneratedRegex(@"(?<kind>中小企业|小微企业|小型和微型企业)(?:预留|的)(?:政府采购)?(?:项目)?(?:预算)?(?:金额)?(?:为)?(?<amt>" + N + @")(?<unit>万元|元)|预留给(?<kind>小型和微型企业|小微企业|中小企业)的政府采购项目预算(?:金额)?(?:为)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex ProcurementReserved();

    [GeneratedRegex(@"房屋(?<qty>" + N + @")(?<qunit>平方米|㎡|m2)[,，]?(?:价值)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex Buildings();

    [GeneratedRegex(@"(?<label>(?<![他用])车辆|一般公务用车|执法执勤用车|特种专业技术用车|其他他?车辆)(?<qty>\d+)辆[,，]?(?:价值)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex Vehicles();

    [GeneratedRegex(@"(?<label>办公家具|其他资产)(?:价值)?(?<amt>" + N + @")(?<unit>万元|元)")]
    private static partial Regex OtherAssets();

    // no optional prefix before the literal: the search starts at 万元以上 (安排购置 is looked up behind the match, see PlannedBefore)
    [GeneratedRegex(@"(?<size>50|100)万元以上(?:的)?(?:大型)?设备(?<qty>\d+)台")]
    private static partial Regex Equipment();

    /// <summary>安排购置 within the 12 characters before the match, in the same clause: planned purchases, not holdings.</summary>
    private static bool PlannedBefore(string text, int index)
    {
        var from = Math.Max(0, index - 16);
        var before = text.AsSpan(from, index - from);
        var cut = before.LastIndexOfAny('。', ';');
        if (cut >= 0)
        {
            before = before[(cut + 1)..];
        }

        return before.Contains("安排购置", StringComparison.Ordinal);
    }

    public static IReadOnlyList<ExplanationFigure> Extract(IReadOnlyList<ExplanationSection> sections, FunctionCodeIndex codes)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(codes);
        var list = new List<ExplanationFigure>();
        foreach (var s in sections)
        {
            switch (s.Kind)
            {
                case SectionKind.Total:
                    Totals(s.Text, "total", list);
                    break;
                case SectionKind.Income:
                    Totals(s.Text, "income", list);
                    Parts(s.Text, IncomePart(), "income", IncomeKey, list);
                    break;
                case SectionKind.Expenditure:
                    Totals(s.Text, "expenditure", list);
                    Parts(s.Text, SpendingPart(), "expenditure", SpendingKey, list);
                    break;
                case SectionKind.Fiscal:
                    Totals(s.Text, "fiscal", list);
                    Classes(s.Text, "fiscal", codes, list);
                    break;
                case SectionKind.GeneralBudget:
                    Totals(s.Text, "general_budget", list);
                    Parts(Before(s.Text, "结构情况"), SpendingPart(), "general_budget", SpendingKey, list);
                    Structure(s.Text, codes, list);
                    break;
                case SectionKind.Basic:
                    Totals(s.Text, "basic", list);
                    Parts(s.Text, SpendingPart(), "basic", SpendingKey, list);
                    break;
                case SectionKind.ThreePublic:
                    ThreePublic(s.Text, list);
                    break;
                case SectionKind.OtherMatters:
                    Operating(s.Text, list);
                    Procurement(s.Text, list);
                    Assets(s.Text, list);
                    break;
            }
        }

        return list;
    }

    private static JoinedText Before(JoinedText t, string marker)
    {
        var i = t.Text.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? t : t.Slice(0, i);
    }

    private static ExplanationFigure Figure(JoinedText t, Match m, string section, string key, string label, decimal? share = null, YearChange? change = null, string? reason = null, (string? Code, string? Source) code = default) =>
        new(section, key, label, code.Code, SentenceReader.ParseNumber(m.Groups["amt"].ValueSpan), SentenceReader.Unit(m.Groups["unit"]), null, null, share, change, reason, t.LineAt(m.Groups["amt"].Index), code.Source);

    private static void Totals(JoinedText t, string section, List<ExplanationFigure> list)
    {
        var m = TotalAmount().Match(t.Text);
        if (m.Success)
        {
            list.Add(Figure(t, m, section, "total", t.PrintedSpan(m.Groups["label"].Index, m.Groups["label"].Length)));
        }
    }

    /// <summary>Labelled parts in order; each part's reason ends where the next part starts.</summary>
    private static void Parts(JoinedText t, Regex pattern, string section, Func<string, string?> keyOf, List<ExplanationFigure> list)
    {
        var matches = pattern.Matches(t.Text).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var label = m.Groups["label"].Value;
            var key = keyOf(label);
            if (key is null || !seen.Add(key))
            {
                continue;
            }

            var limit = i + 1 < matches.Count ? matches[i + 1].Index : t.Length;
            if (section == "income")
            {
                var next = NextIncomeSentence().Match(t.Text, m.Index + m.Length);
                if (next.Success && next.Index < limit)
                {
                    limit = next.Index;
                }
            }

            var (share, change, reason, _) = SentenceReader.Tail(t, m.Index + m.Length, limit);
            list.Add(Figure(t, m, section, key, t.PrintedSpan(m.Groups["label"].Index, m.Groups["label"].Length), share, change, reason?.TrimEnd(';', '；')));
        }
    }

    private static string? IncomeKey(string label) => label switch
    {
        _ when label.StartsWith("上级一般公共预算", StringComparison.Ordinal) => "general_budget_transfer",
        _ when label.StartsWith("上级政府性基金", StringComparison.Ordinal) => "gov_fund_transfer",
        _ when label.StartsWith("上级国有资本", StringComparison.Ordinal) => "state_capital_transfer",
        _ when label.StartsWith("一般公共预算", StringComparison.Ordinal) => "general_budget",
        _ when label.StartsWith("政府性基金", StringComparison.Ordinal) => "gov_fund",
        _ when label.StartsWith("国有资本", StringComparison.Ordinal) => "state_capital",
        _ when label.StartsWith("财政专户", StringComparison.Ordinal) => "special_account",
        "单位资金" => "unit_funds",
        "非财政拨款结转结余" or "非财政拨款结余" => "non_fiscal_carryover",
        "财政拨款结转结余" or "财政拨款结转" => "fiscal_carryover",
        "上年结转结余" => "carryover",
        "事业单位经营收入" => "operating_income",
        "事业收入" => "business_income",
        "上级补助收入" => "superior_subsidy",
        "附属单位上缴收入" => "subsidiary_income",
        "其他收入" => "other_income",
        _ => null,
    };

    private static string? SpendingKey(string label) => label switch
    {
        "基本支出" => "basic",
        "项目支出" => "project",
        "人员经费" => "personnel",
        "公用经费" => "public_use",
        _ => null,
    };

    /// <summary>一般公共预算当年拨款结构情况: 社会保障和就业支出（类）31.30 万元，占 2.65%.</summary>
    internal static void Structure(JoinedText t, FunctionCodeIndex codes, List<ExplanationFigure> list)
    {
        foreach (var m in ClassMatches(t.Text))
        {
            var name = t.PrintedSpan(m.Groups["name"].Index, m.Groups["name"].Length);
            var cut = name.LastIndexOf("情况", StringComparison.Ordinal);
            if (cut >= 0)
            {
                name = name[(cut + 2)..];
            }

            var (share, change, reason, _) = SentenceReader.Tail(t, m.Index + m.Length, t.Length);
            list.Add(Figure(t, m, "structure", "class", name, share, change, reason, codes.Resolve(name, null, null)));
        }
    }

    /// <summary>
    /// The matches of <see cref="ClassStructure"/> in order, as <see cref="Regex.Matches(string)"/> finds them, with each
    /// search started near the next "(类)": a match's name is 2 to 40 characters right before its "(类)", so no match starts
    /// more than 40 characters before the first "(类)" after the previous match (the engine then skips no match; look-behind
    /// still sees the text before the start).
    /// </summary>
    internal static IEnumerable<Match> ClassMatches(string text)
    {
        const int LongestName = 40;
        var pos = 0;
        while (pos <= text.Length)
        {
            var mark = text.IndexOf("(类)", pos, StringComparison.Ordinal);
            if (mark < 0)
            {
                yield break;
            }

            var m = ClassStructure().Match(text, Math.Max(pos, mark - LongestName));
            if (!m.Success)
            {
                yield break;
            }

            yield return m;
            pos = m.Index + m.Length; // matches are never empty
        }
    }

    /// <summary>一般公共预算支出包括：社会保障和就业支出 31.30 万元，主要用于 …</summary>
    private static void Classes(JoinedText t, string section, FunctionCodeIndex codes, List<ExplanationFigure> list)
    {
        var from = t.Text.IndexOf("支出包括", StringComparison.Ordinal);
        if (from < 0)
        {
            return;
        }

        foreach (var (m, name, code, limit) in SentenceReader.ClassMentions(t, ClassAmount(), from, codes))
        {
            var (_, _, reason, _) = SentenceReader.Tail(t, m.Index + m.Length, limit);
            list.Add(Figure(t, m, section, "class", name, reason: reason?.TrimEnd(';', '；'), code: code));
        }
    }

    private static string ThreePublicKey(string label) => label switch
    {
        _ when label.StartsWith("因公出国", StringComparison.Ordinal) => "overseas_travel",
        _ when label.StartsWith("公务用车购置及运行", StringComparison.Ordinal) => "vehicles",
        _ when label.StartsWith("公务用车购置", StringComparison.Ordinal) => "vehicle_purchase",
        _ when label.StartsWith("公务用车运行", StringComparison.Ordinal) => "vehicle_operation",
        _ => "reception",
    };

    private static void ThreePublic(JoinedText t, List<ExplanationFigure> list)
    {
        var total = ThreePublicTotal().Match(t.Text);
        if (!total.Success)
        {
            return;
        }

        // the change sentence: “三公”经费比上年预算增加 … ，其中：因公出国（境）费增加 … 主要原因是 …；
        YearChange? totalChange = null;
        var changes = new Dictionary<string, (YearChange? Change, string? Reason, string Label, int Line)>(StringComparer.Ordinal);
        var cm = ThreePublicChange().Match(t.Text, total.Index + total.Length);
        var changeStart = t.Length;
        if (cm.Success)
        {
            changeStart = cm.Index;
            (totalChange, _) = SentenceReader.Change(t, cm.Index + cm.Length);
            foreach (Match im in ThreePublicItemChange().Matches(t.Text, cm.Index + cm.Length))
            {
                var bm = BareChange().Match(t.Text, im.Index + im.Length);
                if (!bm.Success || bm.Index != im.Index + im.Length)
                {
                    continue;
                }

                var dirWord = t.Text.Substring(bm.Index, 2);
                var change = new YearChange(dirWord == "减少" ? "decrease" : "increase",
                    SentenceReader.ParseNumber(bm.Groups["chg"].ValueSpan), SentenceReader.ParseNumber(bm.Groups["rate"].ValueSpan),
                    bm.Groups["cunit"].Success ? SentenceReader.Unit(bm.Groups["cunit"]) : null);
                var (reason, _) = SentenceReader.ReasonFrom(t, bm.Index + bm.Length, t.Length, [';']);
                changes.TryAdd(ThreePublicKey(im.Groups["label"].Value), (change, reason, t.PrintedSpan(im.Groups["label"].Index, im.Groups["label"].Length), t.LineAt(im.Index)));
            }
        }

        if (totalChange is null)
        {
            (totalChange, _) = SentenceReader.Change(t, total.Index + total.Length); // 预算数为867.50万元，与2024年预算持平
        }

        list.Add(Figure(t, total, "three_public", "total", "“三公”经费", change: totalChange));
        foreach (Match m in ThreePublicItem().Matches(t.Text, total.Index + total.Length))
        {
            if (m.Index >= changeStart)
            {
                break;
            }

            var key = ThreePublicKey(m.Groups["label"].Value);
            if (!changes.Remove(key, out var c))
            {
                (var after, _) = SentenceReader.Change(t, m.Index + m.Length);
                c = (after, null, string.Empty, 0);
            }

            list.Add(Figure(t, m, "three_public", key, t.PrintedSpan(m.Groups["label"].Index, m.Groups["label"].Length), change: c.Change, reason: c.Reason));
        }

        // an item whose change is stated but whose amount is not
        foreach (var (key, c) in changes.OrderBy(kv => kv.Value.Line))
        {
            list.Add(new ExplanationFigure("three_public", key, c.Label, null, null, string.Empty, null, null, null, c.Change, c.Reason, c.Line));
        }
    }

    private static void Operating(JoinedText t, List<ExplanationFigure> list)
    {
        var m = OperatingExpenses().Match(t.Text);
        if (!m.Success)
        {
            return;
        }

        var (_, change, reason, _) = SentenceReader.Tail(t, m.Index + m.Length, t.Length);
        list.Add(Figure(t, m, "operating_expenses", "total", "机关运行经费", change: change, reason: reason));
    }

    private static void Procurement(JoinedText t, List<ExplanationFigure> list)
    {
        var m = ProcurementTotal().Match(t.Text);
        if (m.Success)
        {
            list.Add(Figure(t, m, "procurement", "total", "政府采购预算"));
        }

        foreach (Match k in ProcurementKind().Matches(t.Text))
        {
            var key = k.Groups["kind"].Value switch { "货物" => "goods", "工程" => "works", _ => "services" };
            list.Add(Figure(t, k, "procurement", key, "政府采购" + k.Groups["kind"].Value + "预算"));
        }

        foreach (Match r in ProcurementReserved().Matches(t.Text))
        {
            var key = r.Groups["kind"].Value == "中小企业" ? "sme_reserved" : "small_micro_reserved";
            if (list.Any(f => f.Section == "procurement" && f.Key == key))
            {
                continue;
            }

            list.Add(Figure(t, r, "procurement", key, r.Groups["kind"].Value + "预留"));
        }
    }

    private static void Assets(JoinedText t, List<ExplanationFigure> list)
    {
        ExplanationFigure WithQuantity(Match m, string key, string label, string qunit) =>
            Figure(t, m, "assets", key, label) with { Quantity = SentenceReader.ParseNumber(m.Groups["qty"].ValueSpan), QuantityUnit = qunit };

        var b = Buildings().Match(t.Text);
        if (b.Success)
        {
            list.Add(WithQuantity(b, "buildings", "房屋", b.Groups["qunit"].Value));
        }

        foreach (Match v in Vehicles().Matches(t.Text))
        {
            var label = v.Groups["label"].Value;
            var key = label switch
            {
                "车辆" => "vehicles",
                "一般公务用车" => "general_vehicles",
                "执法执勤用车" => "law_enforcement_vehicles",
                "特种专业技术用车" => "special_vehicles",
                _ => "other_vehicles",
            };
            if (list.Any(f => f.Section == "assets" && f.Key == key))
            {
                continue;
            }

            list.Add(WithQuantity(v, key, t.PrintedSpan(v.Groups["label"].Index, v.Groups["label"].Length), "辆"));
        }

        foreach (Match a in OtherAssets().Matches(t.Text))
        {
            var key = a.Groups["label"].Value == "办公家具" ? "furniture" : "other_assets";
            if (!list.Any(f => f.Section == "assets" && f.Key == key))
            {
                list.Add(Figure(t, a, "assets", key, a.Groups["label"].Value));
            }
        }

        var planned = false;
        foreach (Match e in Equipment().Matches(t.Text))
        {
            planned |= PlannedBefore(t.Text, e.Index);
            var key = (planned ? "planned_equipment_over_" : "equipment_over_") + e.Groups["size"].Value;
            if (list.Any(f => f.Section == "assets" && f.Key == key))
            {
                continue;
            }

            var qty = SentenceReader.ParseNumber(e.Groups["qty"].ValueSpan);
            list.Add(new ExplanationFigure("assets", key, "单位价值" + e.Groups["size"].Value + "万元以上大型设备", null, null, string.Empty, qty, "台", null, null, null, t.LineAt(e.Groups["qty"].Index)));
        }
    }
}
