using DisclosureExtract.Facts;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tests;

/// <summary>Unit name, scope and year from the cover and table header styles of other publishers (names folded: full-width brackets as ASCII, as documents.csv gives them).</summary>
public sealed class FactsCoverTests
{
    private static DocumentFacts Facts(params string[] lines)
    {
        var doc = new SourceDocument("t", "t.pdf", SourceFormat.Pdf, "0", null, 2,
            lines.Select((l, i) => new DocLine(i, i + 1, l.StartsWith('@') ? 2 : 1, l.TrimStart('@'), TextNormalizer.Fold(l.TrimStart('@')))).ToList());
        return FactsExtractor.Extract(doc, []).Facts;
    }

    [Theory]
    [InlineData("湖州市财政局 2026 年部门预算", "湖州市财政局", "部门")]
    [InlineData("2026年深圳市公安局（本级）部门预|算", "深圳市公安局(本级)", "部门")]
    [InlineData("2026年度|无锡市交通运输局（本级）|单位预算公开", "无锡市交通运输局(本级)", "单位")]
    [InlineData("长沙市公安局|2025年部门预算公开", "长沙市公安局", "部门")]
    [InlineData("西安市工业和信息化局2022年部门综合预算", "西安市工业和信息化局", "部门")]
    [InlineData("上海市普陀区规划和自然|资源局|2024年度部门决算", "上海市普陀区规划和自然资源局", "部门")]
    public void The_cover_title_gives_the_unit_and_scope(string cover, string unit, string scope)
    {
        var f = Facts([.. cover.Split('|'), "@目 录", "@第一部分 部门概况"]);

        Assert.Equal((unit, scope), (f.UnitName, f.Scope));
    }

    [Theory]
    [InlineData("341-湖州市财政局 单位：万元", "湖州市财政局")]
    [InlineData("单位：无锡市交通运输局（本级） 单位：万元", "无锡市交通运输局(本级)")]
    [InlineData("部门（单位）：烟台市人民政府办公室 单位：万元", "烟台市人民政府办公室")]
    [InlineData("部门：江苏省人民检察院 单位：万元", "江苏省人民检察院")]
    [InlineData("预算单位：西安市科学技术局 金额单位：元", "西安市科学技术局")]
    public void A_table_header_line_names_the_unit(string line, string unit)
    {
        var f = Facts("@表1", "@收支总表", "@" + line, "@单位：万元");

        Assert.Equal(unit, f.UnitName);
    }

    [Fact]
    public void A_sentence_and_a_place_with_its_budget_level_are_not_the_unit()
    {
        var f = Facts("上海市2026年市级单位预算", "@纳入中国共产党某市委员会宣传部2026年部门预算编制范围的单位共1个。");

        Assert.Null(f.UnitName);
    }
}
