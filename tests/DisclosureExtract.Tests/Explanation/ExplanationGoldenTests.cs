using System.Text;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests.Explanation;

/// <summary>
/// The explanation part of the four corpus documents against golden files checked by hand
/// (Golden/explanation/*.tsv; each file's first line says what was checked). Compared exactly.
/// </summary>
public class ExplanationGoldenTests
{
    public static TheoryData<string> Documents => new() { "tekes-2023", "shanshan-2024", "bayingol-2023", "kizilsu-2025" };

    private static ConversionResult Convert(string id) =>
        new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id));

    private static List<string> Golden(string id, string kind) =>
        File.ReadAllLines(TestPaths.Golden("explanation", $"{id}.{kind}.tsv"), Encoding.UTF8)
            .Where(l => !l.StartsWith('#') && l.Length > 0)
            .ToList();

    private static string Row(params object[] cells) => string.Join('\t', cells);

    private static void AssertLines(List<string> expected, List<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Projects_match_the_golden_file(string id)
    {
        var r = Convert(id);
        var actual = new List<string> { Row("seq", "project_name", "amount", "unit", "policy_documents", "start_date", "end_date", "source_line") };
        actual.AddRange(ExplanationRows.Projects(r).Select(p => Row(p.seq, p.project_name, p.amount, p.unit, p.policy_documents, p.start_date, p.end_date, p.source_line)));
        AssertLines(Golden(id, "projects"), actual);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Indicators_match_the_golden_file(string id)
    {
        var r = Convert(id);
        var actual = new List<string> { Row("table_seq", "table_kind", "table_subject", "seq", "level1", "level2", "indicator", "operator", "value", "value_unit", "qualitative", "weight", "source_line") };
        actual.AddRange(ExplanationRows.Indicators(r).Select(i => Row(i.table_seq, i.table_kind, i.table_subject, i.seq, i.level1, i.level2, i.indicator, i.@operator, i.value, i.value_unit, i.qualitative, i.weight, i.source_line)));
        AssertLines(Golden(id, "indicators"), actual);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Figures_and_items_match_the_golden_file(string id)
    {
        var r = Convert(id);
        var actual = new List<string> { Row("section", "key", "label", "code", "amount", "unit", "quantity", "share_percent", "change_direction", "change_amount", "change_rate_percent", "source_line") };
        actual.AddRange(ExplanationRows.Explanations(r).Select(e => Row(e.section, e.key, e.label, e.code, e.amount, e.unit, e.quantity, e.share_percent, e.change_direction, e.change_amount, e.change_rate_percent, e.source_line)));
        AssertLines(Golden(id, "figures"), actual);
    }

    [Theory]
    [InlineData("tekes-2023", 6, 7)]
    [InlineData("shanshan-2024", 6, 6)]
    [InlineData("bayingol-2023", 4, 5)]
    [InlineData("kizilsu-2025", 6, 7)]
    public void Every_project_and_performance_table_is_found(string id, int projects, int tables)
    {
        var data = Convert(id).Explanation;

        Assert.NotNull(data);
        Assert.Equal(projects, data.Projects.Count);
        Assert.All(data.Projects, p => Assert.NotNull(p.Amount));
        Assert.Equal(tables, data.PerformanceTables.Count);
        Assert.All(data.PerformanceTables, t => Assert.NotEmpty(t.Indicators));
    }

    [Fact]
    public void The_model_gives_the_validation_figures_directly()
    {
        var data = Convert("tekes-2023").Explanation!;

        // tekes-2023.txt lines 1305-1311: “三公”经费数为 0.80 万元 … 公务用车运行费 0.80 万元
        Assert.Equal(0.80m, data.Figure("three_public", "total")!.Amount);
        Assert.Equal(0.80m, data.Figure("three_public", "vehicle_operation")!.Amount);
        // line 1339: 机关运行经费财政拨款预算9.22万元，比上年预算增加3.02万元
        Assert.Equal(new YearChange("increase", 3.02m, 48.71m, "万元"), data.Figure("operating_expenses", "total")!.Change);
        // line 1041-1043: 机关事业单位基本养老保险缴费支出(项) 31.30 万元, code 2080505 from the tables' 208 05 05
        var item = data.ItemsByCode()["2080505"];
        Assert.Equal(31.30m, item.Amount);
        Assert.Equal("document", item.CodeSource);
        Assert.Equal("31.30", item.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
