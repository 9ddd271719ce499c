using DisclosureExtract.Tables;

namespace DisclosureExtract.Tests.Tables;

/// <summary>The hard cases of issue 3, each on a small input.</summary>
public class TableRecognizerTests
{
    private static readonly string[] Table3Header =
    [
        "表 3", "单位支出总体情况表", "编制单位:某某局 单位:万元", "项 目 支出预算", "功能分类科", "目编码 功能分类科目名称 合 计 基本支出 项目支出", "类 款 项",
    ];

    [Theory]
    [InlineData("单位收支总体情况表", "income_expenditure_summary")]
    [InlineData("部门收支总体情况表", "income_expenditure_summary")]
    [InlineData("部门财务收支预算总表", "income_expenditure_summary")]
    [InlineData("部门收入预算总表", "income_summary")]
    [InlineData("部门支出预算总表", "expenditure_summary")]
    [InlineData("部门财政拨款收支预算总表", "fiscal_appropriation_summary")]
    [InlineData("财政拨款收支预算总体情况表", "fiscal_appropriation_summary")]
    [InlineData("一般公共预算支出功能分类预算表", "general_budget_expenditure")]
    [InlineData("一般公共预算基本支出部门预算经济分类预算表", "general_budget_basic_expenditure")]
    [InlineData("一般公共预算项目支出情况表", "general_budget_project_expenditure")]
    [InlineData("政府性基金预算支出功能分类预算表", "government_fund_expenditure")]
    [InlineData("国有资本经营预算支出功能分类预算表", "state_capital_expenditure")]
    [InlineData("“三公”经费和机关运行经费预算表", "three_public_expenses")]
    [InlineData("财政拨款“三公”经费支出情况表", "three_public_expenses")]
    [InlineData("上年结转结余情况明细表", "prior_year_carryover")]
    public void Titles_are_matched_by_meaning(string title, string key)
    {
        Assert.Equal(key, DisclosureExtract.Catalog.Catalogs.Budget.ClassifyTitle(title)?.Key);
    }

    [Fact]
    public void A_performance_target_table_is_not_a_budget_table()
    {
        Assert.Null(DisclosureExtract.Catalog.Catalogs.Budget.ClassifyTitle("项目支出绩效目标表"));
    }

    [Fact]
    public void Shanghai_titles_without_numbers_are_found_and_keyed_by_meaning()
    {
        var r = TableTestKit.Recognize("部门财务收支预算总表", "单位：万元", "项目 预算数 项目 预算数", "一、财政拨款收入 100.00 201 一般公共服务支出 100.00", "收入总计 100.00 支出总计 100.00");

        var t = Assert.Single(r.Tables);
        Assert.Equal(1, t.TableNo);
        Assert.Equal("income_expenditure_summary", t.TableKey);
    }

    [Fact]
    public void An_empty_table_is_found_marked_empty_and_keeps_its_note()
    {
        var r = TableTestKit.Recognize(
            "表 8", "政府性基金预算支出情况表", "编制单位:某某局 单位:万元", "项 目 政府性基金预算支出", "类 款 项", "合计",
            "备注:某某局 2023 年没有使用政府性基金预算", "拨款安排的支出，政府性基金预算支出情况表为空表。");

        var t = r.Table(8);
        Assert.Equal("government_fund_expenditure", t.TableKey);
        Assert.True(t.IsEmpty);
        Assert.Empty(t.Rows);
        Assert.Equal("备注:某某局 2023 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。", t.Note);
    }

    [Fact]
    public void Codes_are_read_in_every_printed_form()
    {
        var r = TableTestKit.Recognize([.. Table3Header,
            "210 卫生健康支出 30.00 30.00",
            "21011 行政事业单位医疗 30.00 30.00",
            "2101101 行政单位医疗 20.00 20.00",
            "210 11 02 事业单位医疗 10.00 10.00",
            "合计 30.00 30.00"]);

        var t = r.Table(3);
        Assert.Equal(["210", "21011", "2101101", "2101102", null], t.Rows.Select(x => x.Code));
        Assert.Equal(["类", "款", "项", "项", null], t.Rows.Select(x => x.CodeLevel));
        Assert.Equal("total", t.Rows[^1].RowKey);
    }

    [Fact]
    public void A_subcode_cell_whose_leading_zero_was_dropped_is_padded()
    {
        // spreadsheets drop the leading zero of a 款 cell: "301 | 2" is 30102 (Shanghai Wanli 2024, 表8 of its set)
        var r = TableTestKit.Recognize(
            "表 6", "一般公共预算基本支出情况表", "单位：元",
            "经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费",
            "类\t款\t\t\t\t",
            "301\t\t工资福利支出\t300\t300\t",
            "301\t01\t基本工资\t100\t100\t",
            "301\t2\t津贴补贴\t200\t200\t",
            "\t\t合计\t300\t300\t");

        var t = r.Table(6);
        Assert.Equal("津贴补贴", t.Row("30102").ItemName);
        Assert.Equal("total=200 personnel=200", t.Row("30102").Cells());
    }

    [Fact]
    public void Tab_separated_cells_with_the_item_code_glued_to_the_name_and_the_total_first()
    {
        var r = TableTestKit.Recognize(
            "表 3", "部门支出总体情况表", "单位：万元",
            "科目\t\t\t支出预算\t\t",
            "功能分类科目编码\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
            "类\t款\t\t\t\t",
            "※\t※\t※\t1\t2\t3",
            "\t\t总计\t30.00\t10.00\t20.00",
            "208\t\t社会保障和就业支出\t30.00\t10.00\t20.00",
            "208\t05\t行政事业单位养老支出\t30.00\t10.00\t20.00",
            "208\t05\t01 行政单位离退休\t10.00\t10.00\t",
            "208\t05\t05 机关事业单位基本养老保险缴费支出\t20.00\t\t20.00");

        var t = r.Table(3);
        Assert.Equal(5, t.Rows.Count); // the ※ row is not a row
        Assert.Equal("total", t.Rows[0].RowKey);
        var leaf = t.Row("2080501");
        Assert.Equal("行政单位离退休", leaf.ItemName);
        Assert.Equal("total=10.00 basic=10.00", leaf.Cells());
        Assert.Equal("total=20.00 project=20.00", t.Row("2080505").Cells()); // the empty cell is a real empty column
    }

    [Fact]
    public void Wrapped_names_join_and_the_row_starts_at_its_code_line()
    {
        var r = TableTestKit.Recognize([.. Table3Header,
            "208 社会保障和就业支出 31.30 31.30",
            "208 05 05",
            "机关事业单位基本养老保险缴费",
            "支出",
            "31.30 31.30",
            "合计 31.30 31.30"]);

        var row = r.Table(3).Row("2080505");
        Assert.Equal("机关事业单位基本养老保险缴费支出", row.ItemName);
        Assert.Equal(Table3Header.Length + 1, row.Line); // 0-based index of the "208 05 05" line
        Assert.All(row.Values, v => Assert.Equal(row.Line + 3, v.Line));
    }

    [Fact]
    public void A_number_split_over_two_lines_is_joined_with_its_printed_scale()
    {
        var r = TableTestKit.Recognize([.. Table3Header,
            "210 卫生健康支出 864.40 864.4",
            "0",
            "合计 864.40 864.40"]);

        var row = r.Table(3).Row("210");
        Assert.Equal(2, row.Values.Count);
        Assert.Equal("864.40", row.Values[1].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Page_numbers_repeated_headers_and_the_unit_line_inside_a_table_are_not_rows()
    {
        var r = TableTestKit.Recognize([.. Table3Header,
            "208 社会保障和就业支出 10.00 10.00",
            "- 16 -",
            "编制单位：某某局 单位：万元",
            "项 目 支出预算",
            "功能分类科",
            "目编码 功能分类科目名称 合 计 基本支出 项目支出",
            "类 款 项",
            "210 卫生健康支出 5.00 5.00",
            "5",
            "合计 15.00 15.00"]);

        var t = r.Table(3);
        Assert.Equal(["208", "210", null], t.Rows.Select(x => x.Code));
        Assert.Equal("total=5.00 basic=5.00", t.Row("210").Cells());
    }

    [Fact]
    public void The_unit_is_read_from_the_table_and_amounts_are_converted_to_yuan()
    {
        var r = TableTestKit.Recognize("表 10", "财政拨款“三公”经费支出情况表", "编制单位：某某局 单位：元", "三公支出内容 合计 一般公共预算 政府性基金 国有资本经营预算",
            "合计 8000.00 8000.00", "公务用车购置及运行费（小计） 8000.00 8000.00", "公务用车运行费 8000.00 8000.00");

        Assert.Equal("元", r.Table(10).Unit);
    }

    [Fact]
    public void Flattened_rows_take_columns_from_the_hierarchy()
    {
        // 210 03 prints two equal numbers: 基本支出 or 项目支出? Only 项目支出 lets 210's 基本支出 (14.56) add up.
        var r = TableTestKit.Recognize([.. Table3Header,
            "210 卫生健康支出 242.64 14.56 228.08",
            "210 03 基层医疗卫生机构 228.08 228.08",
            "210 03 99 其他基层医疗卫生机构支出 228.08 228.08",
            "210 11 行政事业单位医疗 14.56 14.56",
            "210 11 01 行政单位医疗 14.56 14.56",
            "合计 242.64 14.56 228.08"]);

        var t = r.Table(3);
        Assert.Equal("total=228.08 project=228.08", t.Row("21003").Cells());
        Assert.Equal("total=228.08 project=228.08", t.Row("2100399").Cells());
        Assert.Equal("total=14.56 basic=14.56", t.Row("2101101").Cells());
    }

    [Fact]
    public void Flattened_rows_take_columns_from_the_row_identity()
    {
        // 表2: 总计 = 小计 + 财政拨款结转, 小计 = 一般公共预算 + 上级转移支付; 表1 says the 76.50 is 财政拨款结转.
        var r = TableTestKit.Recognize(
            "表 1", "单位收支总体情况表", "编制单位:某某局 单位:万元", "项 目 预算数 功能分类 预算数",
            "一、本年收入 1181.95 210 卫生健康支出 1258.45", "1.一般公共预算拨款 1181.95", "其中：一般财力 1110.37", "上级一般公共预算安排转移支付 71.58",
            "5.单位资金", "二、上年结转结余 76.50", "1.财政拨款结转 76.50", "其中：一般公共预算拨款 76.50", "收 入 总 计 1258.45 支 出 总 计 1258.45",
            "表 2", "单位收入总体情况表", "编制单位:某某局 单位:万元",
            "功能分类科目 编码 功能分类科目名 称 总 计 财 政 拨 款 ( 补 助 ) 财政 专户 （教 育收 费） 单位 资金 财政 拨款 结转 非财 政拨 款结 转结 余",
            "类 款 项 财政拨款 (补助)小 计 一般公共 预算 上级一 般公共 预算安 排的转 移支付 政府性 基金预 算",
            "210 卫生健康支出 1258.45 1181.95 1110.37 71.58 76.50",
            "合计 1258.45 1181.95 1110.37 71.58 76.50");

        var t1 = r.Table(1);
        Assert.Equal("fiscal_carryover_general_budget", t1.Rows.Single(x => x.ItemName == "其中：一般公共预算拨款" && x.Values[0].Amount == 76.50m).RowKey);
        Assert.Equal("general_revenue", t1.Rows.Single(x => x.ItemName == "其中：一般财力").RowKey);
        Assert.Equal("expenditure_total", t1.Rows.Single(x => x.ItemName == "支出总计").RowKey);
        Assert.Equal("total=1258.45 fiscal_subtotal=1181.95 general_budget=1110.37 general_budget_transfer=71.58 fiscal_carryover=76.50", r.Table(2).Row("210").Cells());
    }

    [Fact]
    public void Table_7_tells_which_items_are_project_spending_in_table_5()
    {
        // 210 15 has basic and project; which of its 项 is which only 表7 says.
        var r = TableTestKit.Recognize(
            "表 5", "一般公共预算支出情况表", "单位:万元", "项 目 一般公共预算支出", "功能分类科目 编码 功能分类科目名称 合 计 基本支出 项目支出", "类 款 项",
            "210 卫生健康支出 20.00 10.00 10.00",
            "210 15 医疗保障管理事务 20.00 10.00 10.00",
            "210 15 01 行政运行 10.00 10.00",
            "210 15 99 其他医疗保障管理事务支出 10.00 10.00",
            "合计 20.00 10.00 10.00",
            "表 7", "一般公共预算项目支出情况表", "单位:万元", "科目编码 科目名称 项目名称 项目支出合计 商品和服务支出",
            "210 卫生健康支出 10.00 10.00",
            "210 15 医疗保障管理事务 10.00 10.00",
            "210 15 01 行政运行 信息系统运维 10.00 10.00",
            "合计 10.00 10.00");

        var t5 = r.Table(5);
        Assert.Equal("total=10.00 project=10.00", t5.Row("2101501").Cells());
        Assert.Equal("total=10.00 basic=10.00", t5.Row("2101599").Cells());
    }

    [Fact]
    public void Table_7_splits_the_item_name_from_a_wrapped_project_name()
    {
        var r = TableTestKit.Recognize(
            "表 3", "单位支出总体情况表", "单位:万元", "功能分类科目名称 合 计 基本支出 项目支出",
            "210 15 99 其他医疗保障管理事务支出 10.00 10.00",
            "合计 10.00 10.00",
            "表 7", "一般公共预算项目支出情况表", "单位:万元", "科目编码 科目名称 项目名称 项目支出合计 商品和服务支出",
            "210 15 99",
            "其他医疗保障管理事务支",
            "出",
            "2024 年自治区财政全民",
            "参保及医疗服务经费（吐",
            "市财社[2023] 67",
            "号）",
            "10.00 10.00",
            "合计 10.00 10.00");

        var row = r.Table(7).Row("2101599");
        Assert.Equal("其他医疗保障管理事务支出", row.ItemName);
        Assert.Equal("2024年自治区财政全民参保及医疗服务经费（吐市财社[2023]67号）", row.ProjectName);
        Assert.Equal("total=10.00 goods_services=10.00", row.Cells());
    }

    [Fact]
    public void Equally_fitting_assignments_take_the_most_plausible_and_are_reported()
    {
        var r = TableTestKit.Recognize(
            "表 7", "一般公共预算项目支出情况表", "单位:万元",
            "科目编码 科目名称 项目名称 项目支出合计 工资福利支出 商品和服务支出 对个人和家庭的补助 其他支出",
            "210 卫生健康支出 10.00 10.00",
            "210 15 99 其他医疗保障管理事务支出 经办经费 10.00 10.00",
            "合计 10.00 10.00");

        Assert.Equal("total=10.00 goods_services=10.00", r.Table(7).Row("2101599").Cells());
        Assert.Contains(r.Findings, f => f.Check == "ambiguous_columns" && f.Code == "2101599");
    }

    [Fact]
    public void A_row_that_contradicts_itself_does_not_mislead_its_children()
    {
        // 210 12 prints 724.71 but only 664.71 in its economic column; its 项 rows and 210 put all 724.71 there.
        var r = TableTestKit.Recognize(
            "表 7", "一般公共预算项目支出情况表", "单位:万元",
            "科目编码 科目名称 项目名称 项目支出合计 商品和服务支出 对个人和家庭的补助",
            "210 卫生健康支出 734.71 10.00 724.71",
            "210 12 财政对基本医疗保险基金的补助 724.71 664.71",
            "210 12 02 财政对城乡居民基本医疗保险基金的补助 城乡居民医保 644.71 644.71",
            "210 12 99 财政对其他基本医疗保险基金的补助 离休人员医疗保障 20.00 20.00",
            "210 12 99 财政对其他基本医疗保险基金的补助 改制企业医疗 60.00 60.00",
            "210 15 99 其他医疗保障管理事务支出 经办经费 10.00 10.00",
            "合计 734.71 10.00 724.71");

        var t = r.Table(7);
        Assert.Equal("total=60.00 household_subsidy=60.00", t.Rows.Single(x => x.ProjectName == "改制企业医疗").Cells());
        Assert.Equal("total=10.00 goods_services=10.00", t.Row("2101599").Cells());
    }

    [Fact]
    public void Table_4_income_rows_get_row_keys_and_expenditure_rows_their_columns()
    {
        var r = TableTestKit.Recognize(
            "表 4", "财政拨款收支预算总体情况表", "编制单位:某某局 单位:万元", "财政拨款收入 财政拨款支出", "项 目 合 计 功 能 分 类 合 计",
            "一般公共", "预算", "政府性基", "金预算", "国有资本", "经营预算",
            "一、财政拨款（补助） 40.00 201 一般公共服务支出",
            "一般公共预算 30.00 208 社会保障和就业支出 30.00 30.00",
            "政府性基金预算 10.00 210 卫生健康支出 10.00 10.00",
            "收 入 总 计 40.00 支 出 合 计 40.00 30.00 10.00");

        var t = r.Table(4);
        Assert.Equal(["fiscal_appropriation", "general_budget_appropriation", "gov_fund_appropriation", "income_total"],
            t.Rows.Where(x => x.Side == "income").Select(x => x.RowKey));
        Assert.Equal("total=40.00 general_budget=30.00 gov_fund=10.00", t.Row("expenditure_total").Cells());
        Assert.Equal("total=10.00 gov_fund=10.00", t.Row("210").Cells());
        Assert.Equal(["total", "general_budget", "gov_fund", "state_capital"], t.Columns);
    }

    [Fact]
    public void Table_10_rows_get_row_keys_also_when_a_label_wraps()
    {
        var r = TableTestKit.Recognize(
            "表 10", "财政拨款“三公”经费支出情况表", "单位：万元", "“三公”经费支出内容 合计", "资金来源", "一般公共", "预算", "政府性基", "金", "国有资本", "经营预算",
            "合计 1.50 1.50", "因公出国（境）费", "公务接待费", "公务用车购置及运行费", "（小计）", "1.50 1.50", "其中：公务用车购置费", "公务用车运行费 1.50 1.50");

        var t = r.Table(10);
        Assert.Equal(["total", "vehicles", "vehicle_operation"], t.Rows.Select(x => x.RowKey));
        Assert.Equal("公务用车购置及运行费（小计）", t.Row("vehicles").ItemName);
        Assert.Equal("total=1.50 general_budget=1.50", t.Row("vehicles").Cells());
    }

    [Fact]
    public void A_coded_table_without_its_total_row_is_reported_as_truncated()
    {
        var r = TableTestKit.Recognize([.. Table3Header, "208 社会保障和就业支出 10.00 10.00"]);

        Assert.Contains(r.Findings, f => f.Check == "table_truncated" && f.TableKey == "expenditure_summary");
    }

    [Fact]
    public void A_coded_table_without_a_total_row_followed_by_more_of_the_document_is_not_truncated()
    {
        var r = TableTestKit.Recognize([.. Table3Header, "208 社会保障和就业支出 10.00 10.00", "注：本表不含合计。", "第三部分 名词解释", "1.财政拨款收入：指本级财政当年拨付的资金。"]);

        Assert.DoesNotContain(r.Findings, f => f.Check == "table_truncated");
        Assert.Contains(r.Findings, f => f.Check == "table_without_total" && f.Severity == DisclosureExtract.Model.Severity.Info && f.TableKey == "expenditure_summary");
    }

    [Fact]
    public void Shanghai_summary_with_uncoded_expenditure_rows_in_yuan()
    {
        var r = TableTestKit.Recognize(
            "2024年部门财务收支预算总表",
            "编制部门：某街道办事处 单位：元",
            "本年收入 本年支出",
            "项目 预算数 项目 预算数",
            "一、财政拨款收入 156,211,123 一、一般公共服务支出 2,932,700",
            "1. 一般公共预算资金 156,211,123 二、公共安全支出 1,633,000",
            "二、事业收入 三、教育支出 250,000",
            "八、城乡社区支出 119,385,303",
            "收入总计 156,211,123 支出总计 156,211,123");

        var t = r.Table(1);
        Assert.Equal("元", t.Unit);
        var education = t.Rows.Single(x => x.ItemName == "三、教育支出");
        Assert.Equal("expenditure", education.Side);
        Assert.Null(education.RowKey);
        Assert.Equal("amount=250000", education.Cells());
        Assert.Equal("expenditure", t.Rows.Single(x => x.ItemName == "八、城乡社区支出").Side);
        Assert.DoesNotContain(t.Rows, x => x.ItemName.StartsWith("二、事业收入", StringComparison.Ordinal));
        Assert.Equal(["income_total", "expenditure_total"], t.Rows.Where(x => x.ItemName.EndsWith("总计", StringComparison.Ordinal)).Select(x => x.RowKey));
    }

    [Fact]
    public void The_table_number_follows_the_meaning_of_the_title()
    {
        var r = TableTestKit.Recognize("表 6", "2024年部门政府性基金预算支出功能分类预算表", "单位：元", "合计", "注:本部门2024年无政府性基金预算，故本表为空表。");

        var t = Assert.Single(r.Tables);
        Assert.Equal(8, t.TableNo);
        Assert.True(t.IsEmpty);
    }

    [Fact]
    public void Cells_with_grid_columns_are_trusted_and_a_wrapped_header_cell_names_its_column()
    {
        // as the HTML and PDF readers give them: cells with their grid column; empty cells may be left out
        static DisclosureExtract.Model.DocLine L(int i, params (string Text, int Column)[] cells) =>
            new(i, i + 1, null, string.Join(" ", cells.Select(c => c.Text)), DisclosureExtract.Text.TextNormalizer.Fold(string.Join(" ", cells.Select(c => c.Text))),
                cells.Select(c => new DisclosureExtract.Model.TextCell(c.Text, c.Column)).ToList());

        var lines = new List<DisclosureExtract.Model.DocLine>
        {
            new(0, 1, null, "表7", "表7"),
            new(1, 2, null, "一般公共预算项目支出情况表", "一般公共预算项目支出情况表"),
            L(2, ("科目编码", 0), ("科目名称", 3), ("项目名称", 4), ("项目支出合计", 5), ("商品和服务支出", 6), ("资本性支", 7), ("资本性支出", 8)),
            L(3, ("出(基本", 7)),
            L(4, ("建设)", 7)),
            L(5, ("210", 0), ("15", 1), ("99", 2), ("其他医疗保障管理事务支出", 3), ("经办费", 4), ("11.00", 5), ("2.71", 6), ("8.29", 8)),
            L(6, ("总计", 0), ("11.00", 5), ("2.71", 6), ("8.29", 8)),
        };
        var doc = new DisclosureExtract.Model.SourceDocument("t", "t.html", DisclosureExtract.Model.SourceFormat.Html, "0", null, null, lines);

        var t = TableRecognizer.Recognize(doc, []).Tables.Single();

        Assert.Equal(["total", "goods_services", "capital_construction", "capital"], t.Columns);
        Assert.Equal("total=11.00 goods_services=2.71 capital=8.29", t.Row("2101599").Cells());
        Assert.Equal("经办费", t.Row("2101599").ProjectName);
    }

    [Fact]
    public void A_header_that_was_not_read_falls_back_to_the_columns_of_the_kind()
    {
        // the header's words are interleaved beyond recognition; rows have more numbers than the columns it names
        var r = TableTestKit.Recognize(
            "表 3", "部门支出总体情况表", "单位：万元", "功能分类科目名称 合计 基本 项目",
            "支出 支出",
            "210 卫生健康支出 30.00 10.00 20.00",
            "210 11 行政事业单位医疗 10.00 10.00",
            "210 15 医疗保障管理事务 20.00 20.00",
            "合计 30.00 10.00 20.00");

        var t = r.Table(3);
        Assert.Equal(["total", "basic", "project"], t.Columns);
        Assert.Equal("total=30.00 basic=10.00 project=20.00", t.Row("210").Cells());
        Assert.Equal("total=20.00 project=20.00", t.Row("21015").Cells());
    }

    [Fact]
    public void A_name_whose_bracket_is_still_open_goes_on_after_its_numbers()
    {
        var r = TableTestKit.Recognize(
            "表 10", "财政拨款“三公”经费支出情况表", "单位：万元", "三公支出内容 合计 一般公共预算 政府性基金 国有资本经营预算",
            "合计 0.80 0.80", "公务用车购置及运行费（小", "0.80 0.80", "计）", "公务用车运行费 0.80 0.80");

        var t = r.Table(10);
        Assert.Equal("公务用车购置及运行费（小计）", t.Row("vehicles").ItemName);
        Assert.Equal(["total", "vehicles", "vehicle_operation"], t.Rows.Select(x => x.RowKey));
    }

    [Fact]
    public void The_unit_line_printed_after_the_table_gives_its_unit()
    {
        var r = TableTestKit.Recognize(
            "表 5", "一般公共预算支出情况表", "科目 一般公共预算支出", "功能分类科目名称 合计 基本支出 项目支出",
            "210 卫生健康支出 100.00 100.00",
            "合计 100.00 100.00",
            "编制单位：某某局 单位：元",
            "表 6", "一般公共预算基本支出情况表", "经济分类科目名称 合计 人员经费 公用经费",
            "301 工资福利支出 100.00 100.00",
            "合计 100.00 100.00",
            "编制单位：某某局 单位：万元");

        Assert.Equal("元", r.Table(5).Unit);
        Assert.Equal("万元", r.Table(6).Unit);
        Assert.Equal("total=100.00 personnel=100.00", r.Table(6).Row("301").Cells());
    }

    [Fact]
    public void A_header_repeated_after_a_page_break_maps_the_cells_after_it()
    {
        // page 2 of the table places its columns one further right: its column 5 is 基本支出, page 1's was 项目支出
        var r = TableTestKit.Recognize(
            "表 3", "部门支出总体情况表", "单位：万元",
            "功能分类科目编码\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
            "\t\t总计\t30.00\t30.00\t",
            "210\t\t卫生健康支出\t30.00\t30.00\t",
            "210\t11\t行政事业单位医疗\t10.00\t10.00\t",
            "编制单位：某某局 单位：万元",
            "功能分类科目编码\t\t功能分类科目名称\t合计\t\t基本支出\t项目支出",
            "210\t15\t医疗保障管理事务\t20.00\t\t20.00\t");

        var t = r.Table(3);
        Assert.Equal("total=20.00 basic=20.00", t.Row("21015").Cells());
        Assert.Equal("total=10.00 basic=10.00", t.Row("21011").Cells());
        Assert.Equal(["total", "basic", "project"], t.Columns);
    }

    [Fact]
    public void A_project_name_line_starting_with_a_number_is_not_a_code()
    {
        var r = TableTestKit.Recognize(
            "表 7", "一般公共预算项目支出情况表", "单位:万元", "科目编码 科目名称 项目名称 项目支出合计 商品和服务支出",
            "210 15 99 其他医疗保障管理事务支出",
            "120急救中心运行",
            "10.00 10.00",
            "合计 10.00 10.00");

        var row = r.Table(7).Row("2101599");
        Assert.Equal("120急救中心运行", row.ProjectName);
        Assert.Equal(2, r.Table(7).Rows.Count);
    }
}

public class FinalAccountsTitleTests
{
    [Theory]
    [InlineData("收入支出决算总表")]
    [InlineData("一般公共预算财政拨款基本支出决算表")]
    [InlineData("财政拨款“三公”经费支出决算表")]
    public void Final_accounts_tables_are_not_read_as_budget_tables(string title) =>
        Assert.Null(DisclosureExtract.Catalog.Catalogs.Budget.ClassifyTitle(title));
}
