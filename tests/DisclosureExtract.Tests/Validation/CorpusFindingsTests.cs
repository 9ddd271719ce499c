using DisclosureExtract.Model;
using DisclosureExtract.Validation;
using static DisclosureExtract.Tests.Validation.CorpusTables;

namespace DisclosureExtract.Tests.Validation;

/// <summary>
/// The real inconsistencies of the corpus, found at the right table, code, column and line. The tables come from
/// Validation/Corpus/*.tables.tsv (printed numbers read from corpus/html, rows cited by the line of corpus/text).
/// Checked by hand: for every finding below, the cited line of corpus/text/&lt;doc&gt;.txt was opened and the numbers re-added
/// (e.g. tekes-2023.txt:276 prints 210 1202.75 … 76.50 while its 款 rows at 278/286/302/320 add up to 1126.25), and the
/// column of each number was confirmed in the HTML rendering.
/// </summary>
public sealed class CorpusFindingsTests
{
    private static string Key(Finding f) =>
        $"{f.Check}|{Finding.SeverityKey(f.Severity)}|{f.TableKey}|{f.Code}|{f.ColumnKey}|{(f.Line is { } l ? l + 1 : 0)}|{f.Role}";

    [Fact]
    public void Tekes2023_findings_are_the_real_errors_at_their_table_code_column_and_line()
    {
        var keys = Validator.Check(Load("tekes-2023")).Select(Key).Order(StringComparer.Ordinal).ToList();
        string[] expected =
        [
            // 表2 row 210 (tekes-2023.txt:276): 1202.75 / 76.50 carry-over, but its 款 rows (278, 286, 302, 320) add up to 1126.25 / 0;
            // the carry-over went to 21003 in 表3 (228.08 at tekes-2023.txt:368/370) but not in 表2 (151.58 at 278/280). No single
            // printed number explains it (表2 21003 and 2100399 would each need 228.08 and a carry-over of 76.50): each table is
            // consistent in itself and the two disagree, so the first finding of each group is an error
            "hierarchy_sum|error|income_summary|210|total|276|unexplained",
            "cross_rows|warning|income_summary|21003|total|278|unexplained",
            "hierarchy_sum|error|income_summary|210|fiscal_carryover|276|unexplained",
            "cross_rows|error|income_summary|2100399|total|280|unexplained",
            // 表7 row 21012 (tekes-2023.txt:765): 合计 724.71 but 对个人和家庭的补助 664.71; its 项 rows add up to 724.71 in that column,
            // so the 类 row 210 (751, 876.29) disagrees with its 款 rows (151.58 + 664.71 = 816.29): one printed number, 664.71, explains all three
            "hierarchy_sum|error|general_budget_project_expenditure|21012|household_subsidy|765|culprit",
            "row_identity|warning|general_budget_project_expenditure|21012|total|765|consequence",
            "hierarchy_sum|warning|general_budget_project_expenditure|210|household_subsidy|751|consequence",
            // 234 is 抗疫特别国债安排的支出 in 表1 (149) but 抗疫特别国债还本支出 in 表4 (487)
            "name_inconsistent|warning|fiscal_appropriation_summary|234||487|",
            "name_reference|warning|fiscal_appropriation_summary|234||487|",
            // 表6 30110 printed with the old name 城镇职工基本医疗保险缴费 (592)
            "name_reference|warning|general_budget_basic_expenditure|30110||592|",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Tekes2023_one_wrong_cell_is_one_culprit_with_its_consequences_in_one_group()
    {
        var findings = Validator.Check(Load("tekes-2023"));
        var culprit = Assert.Single(findings, f => f.Role == Roles.Culprit);
        Assert.Equal(("general_budget_project_expenditure", "21012", "household_subsidy", Severity.Error), (culprit.TableKey, culprit.Code, culprit.ColumnKey, culprit.Severity));
        Assert.Equal((724.71m, 664.71m), (culprit.Expected!.Value, culprit.Actual!.Value));
        var group = findings.Where(f => f.Group == culprit.Group).ToList();
        Assert.Equal(3, group.Count);
        Assert.All(group.Where(f => f != culprit), f => Assert.Equal((Roles.Consequence, Severity.Warning), (f.Role, f.Severity)));
        Assert.Contains("表7 21012", culprit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tekes2023_hierarchy_finding_carries_the_amounts()
    {
        var f = Validator.Check(Load("tekes-2023")).Single(x => x.Check == CheckIds.HierarchySum && x.Code == "210" && x.ColumnKey == "total");
        Assert.Equal(1126.25m, f.Expected);
        Assert.Equal(1202.75m, f.Actual);
        Assert.Equal(76.50m, f.Difference);
        var t7 = Validator.Check(Load("tekes-2023")).Single(x => x.Check == CheckIds.RowIdentity);
        Assert.Equal((664.71m, 724.71m), (t7.Expected!.Value, t7.Actual!.Value));
    }

    [Fact]
    public void Shanshan2024_tables_are_consistent()
    {
        Assert.Empty(Validator.Check(Load("shanshan-2024")));
    }

    [Fact]
    public void Bayingol2023_has_only_rounding_differences_of_one_cent()
    {
        // 210 11: 12.8 + 1.79 + 6.2 + 0.53 = 21.32 against a printed 21.31 (bayingol-2023.txt:145-149, again in 表3 183 and 表5 264);
        // the cent carries to 210 (744.8 against 744.81) and to the 合计 rows (1426.71 against 1426.70).
        var findings = Validator.Check(Load("bayingol-2023"));
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.All(findings, f => Assert.Equal(0.01m, Math.Abs(f.Difference!.Value)));
        Assert.All(findings, f => Assert.Contains("rounding", f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(Roles.Rounding, f.Role));
        var keys = findings.Select(Key).ToList();
        Assert.Contains("hierarchy_sum|warning|income_summary|21011|total|145|rounding", keys);
        Assert.Contains("hierarchy_sum|warning|expenditure_summary|21011|total|183|rounding", keys);
        Assert.Contains("hierarchy_sum|warning|general_budget_expenditure|21011|total|264|rounding", keys);
        Assert.Contains("hierarchy_sum|warning|income_summary|210|total|144|rounding", keys);
        Assert.Contains("summary_sum|warning|income_expenditure_summary||amount|122|rounding", keys);
        Assert.Equal(24, findings.Count);
    }

    [Fact]
    public void Kizilsu2025_has_only_rounding_differences_of_one_cent()
    {
        // 表7 医疗保险经办费项目 (kizilsu-2025.txt:327): 11.00 against 2.72 + 8.29 = 11.01, carried up to 21015, 210 and 总计;
        // 210 11 (148): 14.26 + 13.20 + 5.03 = 32.49 against 32.50; 表6 301 (288): 506.79 against 506.80.
        var findings = Validator.Check(Load("kizilsu-2025"));
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.All(findings, f => Assert.Equal(0.01m, Math.Abs(f.Difference!.Value)));
        Assert.All(findings, f => Assert.Equal(Roles.Rounding, f.Role));
        var keys = findings.Select(Key).ToList();
        Assert.Contains("row_identity|warning|general_budget_project_expenditure|2101599|total|327|rounding", keys);
        Assert.Contains("hierarchy_sum|warning|income_summary|21011|total|148|rounding", keys);
        Assert.Contains("hierarchy_sum|warning|general_budget_basic_expenditure|301|total|288|rounding", keys);
        Assert.Equal(23, findings.Count);
    }

    [Fact]
    public void Tekes2023_corrected_copy_has_no_errors_and_no_warnings()
    {
        var tables = Load("tekes-2023").Select(Correct).ToList();
        Assert.Empty(Validator.Check(tables));
    }

    /// <summary>The known errors of tekes-2023 corrected the way 表3 and 表7's own 项 rows say they should be.</summary>
    private static BudgetTable Correct(BudgetTable t) => t with
    {
        Rows = t.Rows.Select(r => (t.TableNo, r.Code) switch
        {
            (2, "21003" or "2100399") => r with { Values = Set(Set(r.Values, "total", 228.08m), "fiscal_carryover", 76.50m) },
            (7, "21012") => r with { Values = Set(r.Values, "household_subsidy", 724.71m) },
            (4, "234") => r with { ItemName = "抗疫特别国债安排的支出" },
            (6, "30110") => r with { ItemName = "职工基本医疗保险缴费" },
            _ => r,
        }).ToList(),
    };

    private static List<CellValue> Set(IReadOnlyList<CellValue> values, string column, decimal amount)
    {
        var line = values[0].Line;
        return [.. values.Where(v => v.ColumnKey != column), new CellValue(column, amount, line)];
    }
}
