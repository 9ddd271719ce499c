using System.Text;
using DisclosureExtract.Explanation;
using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Explanation;

public class ExplanationUnitTests
{
    private static SourceDocument Doc(string text) =>
        new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(text), "");

    [Theory]
    [InlineData("=14.54 万人", "=", "14.54", "万人", null)]
    [InlineData("≥ 5 家", ">=", "5", "家", null)]
    [InlineData("≤2天", "<=", "2", "天", null)]
    [InlineData(@"$\geq 95\%$", ">=", "95", "%", null)]
    [InlineData(@"$>=80\%$", ">=", "80", "%", null)]
    [InlineData("<=2912.62 元/人", "<=", "2912.62", "元/人", null)]
    [InlineData("有效提升", null, null, null, "有效提升")]
    [InlineData("=65%和75%区间", "=", "65", null, "=65%和75%区间")]
    public void Indicator_values_are_parsed_with_operator_number_and_unit(string printed, string? op, string? value, string? unit, string? qualitative)
    {
        var (o, v, u, q) = IndicatorValue.Parse(printed);

        Assert.Equal(op, o);
        Assert.Equal(value, v?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(unit, u);
        Assert.Equal(qualitative, q);
    }

    [Fact]
    public void Joined_text_maps_every_character_back_to_its_line_and_keeps_the_printed_form()
    {
        var doc = Doc("收支总预算 1258.45\n\n万元（本级）。\n- 16 -\n下一句");
        var t = JoinedText.Of(doc.Lines);

        Assert.Equal("收支总预算1258.45万元(本级)。下一句", t.Text);
        Assert.Equal("收支总预算1258.45万元（本级）。下一句", t.Printed);
        Assert.Equal(0, t.LineAt(t.Text.IndexOf("1258", StringComparison.Ordinal)));
        Assert.Equal(2, t.LineAt(t.Text.IndexOf("万元", StringComparison.Ordinal)));
        Assert.Equal(4, t.LineAt(t.Text.IndexOf("下一句", StringComparison.Ordinal)));
    }

    [Fact]
    public void Document_numbers_and_periods_are_read_from_the_project_fields()
    {
        Assert.Equal(["伊州财社【2022】117号"], ProjectExtractor.DocumentNumbers("伊州财社【2022】117 号 2023 年自治区财政人身意外伤害保险补助资金"));
        Assert.Equal(["吐市人社发（2016）102号", "新人社发（2016）140号"], ProjectExtractor.DocumentNumbers("《通知》吐市人社发（2016）102 号转发新人社发（2016）140 号。"));
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 20)), ProjectExtractor.ParsePeriod("2023 年 1 月 1 日至 2023 年 12 月 20 日"));
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), ProjectExtractor.ParsePeriod("2023年1月-12月"));
        Assert.Equal((null, null), ProjectExtractor.ParsePeriod("全年"));
    }

    [Fact]
    public void A_flattened_table_with_wrapped_cells_gives_one_indicator_per_row()
    {
        // shaped like the flattened PDF text of tekes-2023 / shanshan-2024: cells wrap, labels split
        var text = string.Join('\n',
            "项目支出绩效目标表", "项目名称 测试项目 项目负责人 张三", "项目资金（万元） 年度预算总额： 80.00", "其中：财政拨款 80.00 其他资金： 0",
            "项目总体目标", "目标文字", "一级指标 二级指标 三级指标 指标值", "指标值设", "置依据", "上年完成", "值", "指标分值", "权重", "指标赋分", "规则", "佐证资料",
            "产出指标", "数量指标", "人身意外保险", "参保人数", "=210901", "人", "历史标准 209153 人 8", "按照完成", "比例赋分", "工作资料",
            "成本指标", "经济成本", "指标", "补助成本", "<=80 万", "元", "预算支出标", "准", "18.75 万", "元", "20", "按照完成", "比例赋分", "原始凭证",
            "效益指标", "社会效益", "指标", "减轻居民", "医疗费用负担", "有效减", "轻", "历史标准", "基本达成", "目标", "10", "按评判等", "级赋分", "说明材料",
            "满意度指标 满意度指标 两定机构的满意率 >=90% 计划标准", "满意度赋", "分", "工作", "资料");
        var doc = Doc(text);

        var table = Assert.Single(PerformanceTableExtractor.Extract(doc, 0, doc.Lines.Count));

        Assert.Equal("测试项目", table.Subject);
        Assert.Equal(80.00m, table.BudgetTotal);
        Assert.Collection(table.Indicators,
            i => Assert.Equal(("产出指标", "数量指标", "人身意外保险参保人数", "=", 210901m, "人", "历史标准", "209153人", 8m, "按照完成比例赋分", "工作资料"),
                (i.Level1, i.Level2, i.Name, i.Operator, i.Value, i.Unit, i.Basis, i.PriorYear, i.Weight, i.ScoringRule, i.Evidence)),
            i => Assert.Equal(("成本指标", "经济成本指标", "补助成本", "<=", 80m, "万元", "预算支出标准", "18.75万元", 20m),
                (i.Level1, i.Level2, i.Name, i.Operator, i.Value, i.Unit, i.Basis, i.PriorYear, i.Weight)),
            i => Assert.Equal(("减轻居民医疗费用负担", null, "有效减轻", "基本达成目标", 10m), (i.Name, i.Operator, i.Qualitative, i.PriorYear, i.Weight)),
            i => Assert.Equal(("满意度指标", "两定机构的满意率", ">=", 90m, "%", null, "满意度赋分", "工作资料"),
                (i.Level1, i.Name, i.Operator, i.Value, i.Unit, i.Weight, i.ScoringRule, i.Evidence)));
    }

    [Fact]
    public void Labels_run_together_and_evidence_run_onto_the_rule_are_split()
    {
        // as the HTML pages of tekes-2023 wrap them: 满意度指 / 标满意 / 度指标, 比例赋分工作 / 资料
        var text = string.Join('\n',
            "项目支出绩效目标表", "项目名称 测试项目", "一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 指标分值权重 指标赋分规则 佐证资料",
            "产出指标", "数量指标", "定点医疗机构现场", "检查覆盖率", "=100% 计划标准 无 5", "按照正常", "比例赋分工作", "资料",
            "满意度指", "标满意", "度指标", "离休人员满意度 >=95% 计划标准 无 10 满意度赋分", "工作资料");
        var doc = Doc(text);

        var table = Assert.Single(PerformanceTableExtractor.Extract(doc, 0, doc.Lines.Count));

        Assert.Collection(table.Indicators,
            i => Assert.Equal(("产出指标", "数量指标", "定点医疗机构现场检查覆盖率", 5m, "按照正常比例赋分", "工作资料"), (i.Level1, i.Level2, i.Name, i.Weight, i.ScoringRule, i.Evidence)),
            i => Assert.Equal(("满意度指标", "满意度指标", "离休人员满意度", ">=", 95m, 10m), (i.Level1, i.Level2, i.Name, i.Operator, i.Value, i.Weight)));
    }

    [Fact]
    public void An_item_path_resolves_to_the_code_the_tables_print_and_stays_empty_otherwise()
    {
        var text = string.Join('\n',
            "第一部分 概况", "x",
            "第二部分 预算公开表", "210 卫生健康支出 10.00", "210 11 行政事业单位医疗 10.00", "210 11 01", "行政单位", "医疗", "10.00",
            "第三部分 预算情况说明",
            "五、关于一般公共预算当年拨款情况说明",
            "1.卫生健康支出(类)行政事业单位医疗(款)行政单位",
            "医疗(项):2023 年预算数为 10.00 万元，比上年预算增加 2.35",
            "万元，增长 65.46%，主要原因是：工资变动。",
            "2.卫生健康支出(类)医疗救助(款)城乡医疗救助(项)：2024 年预算数为 0.00 万元，比上年预算减少 213.18 万元，下降 100.00%，主要原因是：不再使用。",
            "第四部分 名词解释");
        var doc = Doc(text);
        var parts = Parts.PartSplitter.Split(doc);

        var data = ExplanationExtractor.Extract(doc, parts);

        Assert.Collection(data.Items,
            i =>
            {
                Assert.Equal(("2101101", "document", 10.00m, "工资变动"), (i.Code, i.CodeSource, i.Amount, i.Reason));
                Assert.Equal(new YearChange("increase", 2.35m, 65.46m, "万元"), i.Change);
                Assert.Equal(11, i.Line); // index of "1.卫生健康支出(类)…" (source line 12)
            },
            i => Assert.Equal((null, null, "decrease", -213.18m), (i.Code, i.CodeSource, i.Change!.Direction, i.Change.SignedAmount)));
    }
}

public class ExplanationOutputTests
{
    [Fact]
    public void The_three_csv_files_have_a_bom_and_their_header_even_when_empty()
    {
        var dir = TestPaths.TempDir();
        var input = Path.Combine(dir, "empty.txt");
        File.WriteAllBytes(input, []);
        var outDir = Path.Combine(dir, "out");

        Cli.CliApp.Run(["convert", input, "--out", outDir, "--no-progress"], new StringWriter(), new StringWriter());

        foreach (var (file, header) in new[]
        {
            ("projects.csv", "document_id,seq,project_name,policy_basis,policy_documents,amount,unit,executing_unit,allocation,period,start_date,end_date,source_page,source_line"),
            ("explanations.csv", "document_id,section,key,label,code,code_source,amount,unit,quantity,quantity_unit,share_percent,change_direction,change_amount,change_unit,change_rate_percent,reason,budget_amount,completion_percent,source_page,source_line"),
            ("indicators.csv", "document_id,table_seq,table_kind,table_subject,table_owner,table_budget_total,table_sources,seq,level1,level2,indicator,value_text,operator,value,value_unit,qualitative,basis,prior_year,weight,scoring_rule,evidence,source_page,source_line"),
        })
        {
            var path = Path.Combine(outDir, file);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(path)[..3]);
            Assert.Equal([header], File.ReadAllLines(path, Encoding.UTF8));
        }
    }

    [Fact]
    public void Each_document_json_holds_the_explanation_with_source_lines()
    {
        var dir = TestPaths.TempDir();
        var outDir = Path.Combine(dir, "out");

        Cli.CliApp.Run(["convert", TestPaths.Corpus("text", "bayingol-2023.txt"), "--out", outDir, "--no-progress"], new StringWriter(), new StringWriter());

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "json", "bayingol-2023.json")));
        var ex = json.RootElement.GetProperty("explanation");
        var project = ex.GetProperty("projects")[0];
        Assert.Equal("州直企业离休干部医疗保险基金", project.GetProperty("name").GetString());
        Assert.Equal(600m, project.GetProperty("amount").GetDecimal());
        Assert.Equal(416, project.GetProperty("amount_source").GetProperty("line").GetInt32()); // bayingol-2023.txt line 416: 预算安排规模：600万元
        var indicator = ex.GetProperty("performance_tables")[0].GetProperty("indicators")[1];
        Assert.Equal(">=", indicator.GetProperty("operator").GetString()); // line 514: ≥ 5 家
        Assert.Equal(514, indicator.GetProperty("source").GetProperty("line").GetInt32());
    }
}

public class GridCellTests
{
    [Fact]
    public void Cells_with_grid_columns_are_placed_by_column_not_by_order()
    {
        // an HTML-like row: the level cells are row-spanned above, so this row only has cells from column 2 on
        string[] header = ["一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重", "指标赋分规则", "佐证资料"];
        var lines = new List<DocLine>
        {
            new(0, 1, null, "项目支出绩效目标表", "项目支出绩效目标表"),
            new(1, 2, null, "项目名称 测试", "项目名称 测试"),
            new(2, 3, null, string.Join(' ', header), string.Join(' ', header), header.Select((h, i) => new TextCell(h, i)).ToList()),
            new(3, 4, null, "产出指标 数量指标 检查次数 ≥ 5 家 计划标准 无 3 按照正常比例赋分 工作资料", "x",
                [new("产出指标", 0), new("数量指标", 1), new("检查次数", 2), new("≥ 5 家", 3), new("计划标准", 4), new("无", 5), new("3", 6), new("按照正常比例赋分", 7), new("工作资料", 8)]),
            new(4, 5, null, "验收合格率 =100% 计划标准 3", "x",
                [new("验收合格率", 2), new("=100%", 3), new("计划标准", 4), new("3", 6), new("按照正常比例赋分", 7)]),
        };
        var doc = new SourceDocument("x", "x", SourceFormat.Html, "", null, null, lines);

        var table = Assert.Single(PerformanceTableExtractor.Extract(doc, 0, lines.Count));

        Assert.Collection(table.Indicators,
            i => Assert.Equal(("产出指标", "数量指标", "检查次数", ">=", 5m, "家", 3m), (i.Level1, i.Level2, i.Name, i.Operator, i.Value, i.Unit, i.Weight)),
            i => Assert.Equal(("产出指标", "数量指标", "验收合格率", "=", 100m, "%", 3m, null), (i.Level1, i.Level2, i.Name, i.Operator, i.Value, i.Unit, i.Weight, i.PriorYear)));
    }
}
