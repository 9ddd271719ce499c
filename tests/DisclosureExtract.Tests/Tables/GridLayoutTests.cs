using DisclosureExtract.Model;
using DisclosureExtract.Tables;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tests.Tables;

/// <summary>
/// Layouts of other publishers, as the PDF reader gives them (cells in grid columns; a spanning cell has the extent of
/// its span): multi-row headers with groups, rows by name only, units of consolidated tables, items printed as columns,
/// codes split over 类 | 款 | 项 columns, tables anywhere in the document.
/// </summary>
public sealed class GridLayoutTests
{
    [Fact]
    public void A_group_header_qualifies_the_labels_under_it()
    {
        // 一般公共预算 under 本年收入 is the current year's money, under 上年结转结余 the carry-over's
        var t = new GridDocument(8).Text("公开02表").Text("收入总表").Text("单位：万元")
            .Spans((0, "科目编码", 1), (1, "科目名称", 1), (2, "合计", 1), (3, "本年收入", 3), (6, "上年结转结余", 2))
            .Row((3, "小计"), (4, "一般公共预算"), (5, "政府性基金预算"), (6, "小计"), (7, "一般公共预算"))
            .Row((0, "合计"), (2, "30.00"), (3, "20.00"), (4, "20.00"), (6, "10.00"), (7, "10.00"))
            .Row((0, "201"), (1, "一般公共服务支出"), (2, "30.00"), (3, "20.00"), (4, "20.00"), (6, "10.00"), (7, "10.00"))
            .Tables().Single();

        Assert.Equal("income_summary", t.TableKey);
        Assert.Equal("total=30.00 current_income=20.00 general_budget=20.00 carryover=10.00 carryover_general_budget=10.00", t.Row("201").Cells());
        Assert.Equal("上年结转结余/一般公共预算", t.Row("201").Values.Single(v => v.ColumnKey == "carryover_general_budget").Label);
    }

    [Fact]
    public void Subtotal_under_basic_expenditure_is_basic_and_a_total_under_it_in_a_basic_table_is_the_total()
    {
        var t5 = new GridDocument(7).Text("表5").Text("财政拨款支出表（功能科目）")
            .Spans((0, "科目编码", 1), (1, "科目名称", 1), (2, "合计", 1), (3, "基本支出", 3), (6, "项目支出", 1))
            .Row((3, "小计"), (4, "人员经费"), (5, "公用经费"))
            .Row((0, "合计"), (2, "10.00"), (3, "6.00"), (4, "5.00"), (5, "1.00"), (6, "4.00"))
            .Row((0, "201"), (1, "一般公共服务支出"), (2, "10.00"), (3, "6.00"), (4, "5.00"), (5, "1.00"), (6, "4.00"))
            .Tables().Single();
        var t6 = new GridDocument(5).Text("表6").Text("一般公共预算基本支出表")
            .Spans((0, "部门预算支出经济分类科目", 2), (2, "本年一般公共预算基本支出", 3))
            .Row((0, "科目编码"), (1, "科目名称"), (2, "合计"), (3, "人员经费"), (4, "公用经费"))
            .Row((0, "301"), (1, "工资福利支出"), (2, "5.00"), (3, "5.00"))
            .Tables().Single();

        Assert.Equal("total=10.00 basic=6.00 personnel=5.00 public_use=1.00 project=4.00", t5.Row("201").Cells());
        Assert.Equal("total=5.00 personnel=5.00", t6.Row("301").Cells());
    }

    [Fact]
    public void Rows_printed_by_name_only_get_their_codes_level_by_level()
    {
        // 收支总表 of Shenzhen: the expenditure side names its 类, 款 and 项 without codes and without indentation
        var t = new GridDocument(4).Text("表1").Text("收支总表").Text("部门名称：某局 单位：万元")
            .Spans((0, "收 入", 2), (2, "支 出", 2))
            .Row((0, "项 目"), (1, "2026年预算数"), (2, "项 目"), (3, "2026年预算数"))
            .Row((0, "一、财政拨款"), (1, "100.00"), (2, "一、社会保障和就业支出"), (3, "100.00"))
            .Row((0, "1.一般公共预算拨款"), (1, "100.00"), (2, "行政事业单位养老支出"), (3, "100.00"))
            .Row((2, "行政单位离退休"), (3, "60.00"))
            .Row((2, "机关事业单位基本养老保险缴费支出"), (3, "40.00"))
            .Row((0, "收入总计"), (1, "100.00"), (2, "支出总计"), (3, "100.00"))
            .Tables().Single();

        Assert.Equal(["208", "20805", "2080501", "2080505"], t.Rows.Where(r => r.Code is not null).Select(r => r.Code));
        Assert.Equal("amount=60.00", t.Row("2080501").Cells());
        Assert.Equal("general_budget_appropriation", t.Rows.Single(r => r.ItemName == "1.一般公共预算拨款").RowKey);
    }

    [Fact]
    public void Expenditure_blocks_side_by_side_each_become_rows_of_their_own()
    {
        // Xi'an: income | by function | by economic class, one 预算数 column each
        var t = new GridDocument(6).Text("表1").Text("部门综合预算收支总表").Text("单位：元")
            .Spans((0, "收入", 2), (2, "支出", 4))
            .Row((0, "项目"), (1, "预算数"), (2, "支出功能分类科目（按大类）"), (3, "预算数"), (4, "部门预算支出经济分类科目（按大类）"), (5, "预算数"))
            .Row((0, "1、财政拨款"), (1, "100.00"), (2, "1、一般公共服务支出"), (3, "70.00"), (4, "(1)工资福利支出"), (5, "60.00"))
            .Row((0, "(1)一般公共预算拨款"), (1, "100.00"), (2, "2、住房保障支出"), (3, "30.00"), (4, "(2)商品和服务支出"), (5, "40.00"))
            .Row((0, "收入总计"), (1, "100.00"), (2, "支出总计"), (3, "100.00"), (4, "支出总计"), (5, "100.00"))
            .Tables().Single();

        Assert.Equal(["201", "221"], t.Rows.Where(r => r.Side == "expenditure" && r.Code is not null).Select(r => r.Code));
        Assert.Equal(["(1)工资福利支出", "(2)商品和服务支出", "支出总计"], t.Rows.Where(r => r.Side == "expenditure_block2").Select(r => r.ItemName));
        Assert.Equal(["expenditure_total", "expenditure_total"], t.Rows.Where(r => r.ItemName == "支出总计").Select(r => r.RowKey));
        Assert.Equal("amount=30.00", t.Row("221").Cells());
    }

    [Fact]
    public void Units_of_a_consolidated_table_are_sub_unit_rows_and_the_rows_under_them_carry_their_unit()
    {
        var t = new GridDocument(5).Text("表3").Text("支出总表")
            .Row((0, "单位名称"), (1, "科目编码"), (2, "科目名称"), (3, "合计"), (4, "基本支出"))
            .Row((0, "合计"), (3, "30.00"), (4, "30.00"))
            .Row((0, "某局本级"), (3, "20.00"), (4, "20.00"))
            .Row((1, "2010301"), (2, "行政运行"), (3, "20.00"), (4, "20.00"))
            .Row((0, "某中心"), (3, "10.00"), (4, "10.00"))
            .Row((1, "2010350"), (2, "事业运行"), (3, "10.00"), (4, "10.00"))
            .Tables().Single();

        Assert.Equal(["total", "sub_unit", "sub_unit"], t.Rows.Where(r => r.Code is null).Select(r => r.RowKey));
        Assert.Equal(["某局本级", "某中心"], t.Rows.Where(r => r.Code is not null).Select(r => r.SubUnit));
    }

    [Fact]
    public void A_lone_unit_row_first_is_the_tables_total()
    {
        var t = new GridDocument(6).Text("表7").Text("一般公共预算支出表（按功能分类）")
            .Row((0, "预算单位"), (1, "科目编码"), (2, "科目名称"), (3, "支出总计"), (4, "基本支出"), (5, "项目支出"))
            .Row((0, "某局（本级）"), (3, "30.00"), (4, "10.00"), (5, "20.00"))
            .Row((1, "201"), (2, "一般公共服务支出"), (3, "30.00"), (4, "10.00"), (5, "20.00"))
            .Tables().Single();

        var total = t.Rows.First();
        Assert.Equal("total", total.RowKey);
        Assert.Equal("某局（本级）", total.SubUnit);
        Assert.Equal("total=30.00 basic=10.00 project=20.00", total.Cells());
    }

    [Fact]
    public void Items_printed_as_columns_become_rows_by_row_key()
    {
        // Wuxi: one row of amounts under the items; 小计 under 公务用车 is the vehicles row
        var t = new GridDocument(8).Text("公开09表").Text("一般公共预算“三公”经费、会议费、培训费支出表").Text("单位：万元")
            .Spans((0, "“三公”经费合计", 1), (1, "因公出国（境）费", 1), (2, "公务用车购置及运行维护费", 3), (5, "公务接待费", 1), (6, "会议费", 1), (7, "培训费", 1))
            .Row((2, "小计"), (3, "公务用车购置费"), (4, "公务用车运行维护费"))
            .Row((0, "2.02"), (1, "0.00"), (2, "0.00"), (3, "0.00"), (4, "0.00"), (5, "2.02"), (6, "1.09"), (7, "8.73"))
            .Tables().Single();

        Assert.Equal("three_public_expenses", t.TableKey);
        Assert.Equal(["total", "overseas_travel", "vehicles", "vehicle_purchase", "vehicle_operation", "reception", "meeting", "training"], t.Rows.Select(r => r.RowKey));
        Assert.Equal("total=2.02", t.Row("total").Cells());
        Assert.Equal("total=8.73", t.Row("training").Cells());
    }

    [Fact]
    public void Items_by_fund_and_rows_by_year_keep_the_latest_year()
    {
        // Shenzhen: each item split by fund; rows 2025年, 2026年, 增减变化金额
        var t = new GridDocument(8).Text("表9").Text("财政拨款“三公”经费支出表")
            .Spans((0, "预算单位", 1), (1, "年度", 1), (2, "总计", 2), (4, "因公出国(境)费", 2), (6, "公务接待费", 2))
            .Row((2, "一般公共预算"), (3, "政府性基金预算"), (4, "一般公共预算"), (5, "政府性基金预算"), (6, "一般公共预算"), (7, "政府性基金预算"))
            .Row((0, "某局"), (1, "2025年"), (2, "5.00"), (3, "0.00"), (4, "2.00"), (5, "0.00"), (6, "3.00"), (7, "0.00"))
            .Row((1, "2026年"), (2, "4.00"), (3, "0.00"), (4, "1.00"), (5, "0.00"), (6, "3.00"), (7, "0.00"))
            .Row((1, "增减变化金额"), (2, "-1.00"), (3, "0.00"), (4, "-1.00"), (5, "0.00"), (6, "0.00"), (7, "0.00"))
            .Tables().Single();

        Assert.Equal(["total", "overseas_travel", "reception"], t.Rows.Select(r => r.RowKey));
        Assert.Equal("general_budget=4.00 gov_fund=0.00", t.Row("total").Cells());
    }

    [Fact]
    public void Codes_printed_level_by_level_in_class_kuan_xiang_columns_continue_the_rows_above()
    {
        // Yantai: 类 | 款 | 项 columns, each row prints only its own level
        var t = new GridDocument(5).Text("公开表5").Text("一般公共预算支出情况表").Text("单位：万元")
            .Spans((0, "科目编码", 3), (3, "科目名称", 1), (4, "合计", 1))
            .Row((0, "类"), (1, "款"), (2, "项"))
            .Row((3, "合    计"), (4, "37.00"))
            .Row((0, "205"), (3, "教育支出"), (4, "37.00"))
            .Row((1, "08"), (3, "进修及培训"), (4, "37.00"))
            .Row((2, "03"), (3, "培训支出"), (4, "37.00"))
            .Tables().Single();

        Assert.Equal(["205", "20508", "2050803"], t.Rows.Where(r => r.Code is not null).Select(r => r.Code));
        Assert.Equal("total", t.Rows[0].RowKey);
    }

    [Fact]
    public void A_header_the_catalog_does_not_know_keeps_its_amounts_as_unknown_with_the_printed_label()
    {
        var t = new GridDocument(5).Text("表3").Text("支出总表")
            .Row((0, "科目编码"), (1, "科目名称"), (2, "合计"), (3, "基本支出"), (4, "其中：信创改造"))
            .Row((0, "201"), (1, "一般公共服务支出"), (2, "10.00"), (3, "10.00"), (4, "3.00"))
            .Tables().Single();

        var v = t.Row("201").Values.Single(x => x.Amount == 3.00m);
        Assert.Equal(("unknown", "其中：信创改造"), (v.ColumnKey, v.Label));
        Assert.Equal("total=10.00 basic=10.00 unknown=3.00", t.Row("201").Cells());
    }

    [Theory]
    [InlineData("公开05表", "一般公共预算支出表", "general_budget_expenditure")]
    [InlineData("预算03表", "支出总表", "expenditure_summary")]
    [InlineData("（四）2026年市级部门财政拨款收支预算总表", null, "fiscal_appropriation_summary")]
    [InlineData("十、基本支出预算情况表", null, "basic_expenditure_summary")]
    [InlineData("表 11", "部门综合预算财政拨款上年结转资金支出表", "prior_year_carryover")]
    [InlineData("部门公开表2", "部门收入总表", "income_summary")]
    [InlineData("2026年预算单位政府采购预算明细表", null, "government_procurement")]
    [InlineData("2026年市级部门项目支出预算表", null, "project_expenditure")]
    [InlineData("财政拨款基本支出预算表（经济科目）", null, "fiscal_appropriation_basic_expenditure")]
    [InlineData("一般公共预算支出表（按经济分类）", null, "general_budget_expenditure_economic")]
    [InlineData("部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）", null, "general_budget_basic_expenditure_function")]
    [InlineData("2026年部门资产配置预算表", null, "other")]
    public void Numbering_and_title_styles_of_other_publishers(string first, string? second, string key)
    {
        var doc = new GridDocument(3).Text("第二部分 预算公开表").Text(first);
        if (second is not null)
        {
            doc.Text(second);
        }

        var t = doc.Text("单位：万元").Row((0, "项目"), (1, "合计"), (2, "基本支出")).Row((0, "合计"), (1, "1.00"), (2, "1.00")).Tables().Single();

        Assert.Equal(key, t.TableKey);
    }

    [Fact]
    public void A_contents_page_and_a_list_of_tables_are_not_tables()
    {
        var t = new GridDocument(3)
            .Text("目录").Text("一、收支总表……………………3").Text("二、收入总表 4")
            .Row((0, "表1"), (1, "部门综合预算收支总表"), (2, "是"))
            .Page().Text("第一部分 部门概况").Text("2026年部门预算收入100.00万元，支出100.00万元。")
            .Text("表1").Text("收支总表").Text("单位：万元")
            .Row((0, "收入总计"), (1, "100.00"))
            .Tables();

        var table = Assert.Single(t);
        Assert.Equal(6, table.StartLine); // the 表1 line after the overview
    }

    [Fact]
    public void A_performance_target_table_after_the_last_table_ends_it()
    {
        var t = new GridDocument(3).Text("表3").Text("支出总表")
            .Row((0, "科目名称"), (1, "合计"), (2, "基本支出"))
            .Row((0, "合计"), (1, "1.00"), (2, "1.00"))
            .Text("表14-1").Text("部门专项业务经费绩效目标表")
            .Row((0, "项目名称"), (1, "资金总额"), (2, "目标"))
            .Row((0, "某项目"), (1, "9.00"), (2, "10"))
            .Tables().Single();

        Assert.Equal(4, t.EndLine);
    }

    [Fact]
    public void One_row_of_amounts_without_a_label_under_the_column_labels_is_the_total_row()
    {
        // Jiangsu 2019 支出预算总表: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金, then one row of amounts
        var t = new GridDocument(5).Text("公开03表").Text("支出预算总表").Text("部门名称：某单位 单位：万元")
            .Row((0, "合计"), (1, "基本支出"), (2, "项目支出"), (3, "单位预留机动经费"), (4, "结转下年资金"))
            .Row((0, "240.00"), (1, "150.00"), (2, "50.00"), (3, "40.00"))
            .Tables().Single();

        Assert.Equal("expenditure_summary", t.TableKey);
        var row = Assert.Single(t.Rows);
        Assert.Equal("total", row.RowKey);
        Assert.Equal((240.00m, 150.00m, 50.00m), (row.ValueOf("total"), row.ValueOf("basic"), row.ValueOf("project")));
        Assert.Equal(40.00m, row.Values.Single(v => v.Label == "单位预留机动经费").Amount);
    }

    [Fact]
    public void A_column_number_under_a_one_column_header_is_no_total_row()
    {
        // Huzhou 国有资本经营预算支出表 printed empty: 科目编码 | 科目名称 | 项目支出, then ** | ** | 1, then 合计 without amounts
        var t = new GridDocument(3).Text("表09").Text("2026年市级部门国有资本经营预算支出表").Text("511-某局 单位：万元")
            .Row((0, "科目编码"), (1, "科目名称"), (2, "项目支出"))
            .Row((0, "**"), (1, "**"), (2, "1"))
            .Row((1, "合计"))
            .Text("注：本部门2026年没有使用国有资本经营预算拨款安排的支出。")
            .Tables().Single();

        Assert.Equal("state_capital_expenditure", t.TableKey);
        Assert.Empty(t.Rows);
    }

    [Fact]
    public void A_listing_that_prints_its_amount_before_the_classification_columns_reads_the_amount_not_the_economic_code()
    {
        // Xi'an 财拨结转支出表: 单位代码 | 单位名称 | 项目名称 | 金额 | 功能分类科目代码 | 名称 | 政府经济分类科目代码 | 名称 | 项目类别
        var t = new GridDocument(9).Text("表11").Text("2019年部门综合预算财政拨款结转资金支出表").Text("单位：万元")
            .Row((0, "预算单位代码"), (1, "预算单位名称"), (2, "预算项目名称"), (3, "金额"), (4, "功能分类科目代码"), (5, "功能分类科目名称"),
                (6, "政府经济分类科目代码"), (7, "政府经济分类科目名称"), (8, "项目类别"))
            .Row((0, "125001"), (1, "某局"), (2, "省级安全生产专项"), (3, "2.61"), (4, "2150605"), (5, "安全监管监察专项"), (6, "50299"), (7, "其他商品和服务支出"), (8, "项目支出"))
            .Text("注：项目类别指基本支出或项目支出。")
            .Text("表12").Text("政府采购预算表")
            .Tables().First();

        var row = Assert.Single(t.Rows);
        Assert.Equal("2150605", row.Code);
        var value = Assert.Single(row.Values);
        Assert.Equal(2.61m, value.Amount);
        Assert.NotEqual("unknown", value.ColumnKey);
    }

    [Theory]
    [InlineData("序号", "1")] // Xi'an 收支总表: a 序号 column before the income labels
    [InlineData("", "")] // Beijing 预算01表: an empty margin column before them
    public void The_income_label_of_a_two_sided_table_is_in_the_headers_first_label_column(string firstHeader, string firstCell)
    {
        var t = new GridDocument(5).Text("表1").Text("收支总表").Text("单位：万元")
            .Row((0, firstHeader), (1, "收 入"), (3, "支 出"))
            .Row((1, "项 目"), (2, "预算数"), (3, "项 目"), (4, "预算数"))
            .Row((0, firstCell), (1, "一、一般公共预算拨款收入"), (2, "100.00"), (3, "一、一般公共服务支出"), (4, "100.00"))
            .Row((1, "收入总计"), (2, "100.00"), (3, "支出总计"), (4, "100.00"))
            .Tables().Single();

        var income = t.Rows.Where(r => r.Side == "income").ToList();
        Assert.Equal(["general_budget_appropriation", "income_total"], income.Select(r => r.RowKey));
        Assert.Equal("一、一般公共预算拨款收入", income[0].ItemName);
        Assert.Equal(100.00m, income[0].Values.Single().Amount);
    }

    [Fact]
    public void A_unit_line_repeated_on_a_continuation_page_is_not_a_class_row()
    {
        // Huzhou: every page of 表01 repeats "511-退役军人事务局 单位：万元"; the 项 named on the next page stays under its 款
        var t = new GridDocument(4).Text("表01").Text("2026年市级部门收支预算总表").Text("511-退役军人事务局 单位：万元")
            .Row((0, "收 入"), (2, "支 出"))
            .Row((0, "项 目"), (1, "预算数"), (2, "项 目"), (3, "预算数"))
            .Row((0, "一般公共预算拨款收入"), (1, "71.42"), (2, "卫生健康支出"), (3, "71.42"))
            .Row((2, "行政事业单位医疗"), (3, "71.42"))
            .Row((2, "行政单位医疗"), (3, "38.15"))
            .Page().Text("511-退役军人事务局 单位：万元")
            .Row((2, "公务员医疗补助"), (3, "33.27"))
            .Row((0, "收入总计"), (1, "71.42"), (2, "支出总计"), (3, "71.42"))
            .Tables().Single();

        Assert.Equal(["210", "21011", "2101101", "2101103"], t.Rows.Where(r => r.Code is not null).Select(r => r.Code));
    }

    [Fact]
    public void A_row_with_codes_and_no_amounts_is_no_repeated_header_and_the_government_code_is_no_amount()
    {
        // Xi'an 基本支出明细表: 部门 and 政府 economic codes side by side; a row printed without amounts whose 政府 name
        // (商品和服务支出) names a column of other tables
        var t = new GridDocument(8).Text("表8").Text("2022年部门综合预算一般公共预算基本支出明细表").Text("预算单位：某局 金额单位：万元")
            .Row((0, "序号"), (1, "部门经济科目编码"), (2, "部门经济科目名称"), (3, "政府经济科目编码"), (4, "政府经济科目名称"), (5, "合计"), (6, "人员经费支出"), (7, "公用经费支出"))
            .Row((0, "1"), (2, "合计"), (5, "72.32"), (6, "0.00"), (7, "72.32"))
            .Row((0, "2"), (1, "302"), (2, "商品和服务支出"), (5, "72.32"), (7, "72.32"))
            .Row((0, "3"), (1, "30239"), (2, "其他交通费用"), (3, "50502"), (4, "商品和服务支出"))
            .Row((0, "4"), (1, "30299"), (2, "其他商品和服务支出"), (3, "50299"), (4, "其他商品和服务支出"), (5, "14.85"), (7, "14.85"))
            .Row((0, "5"), (1, "30299"), (2, "其他商品和服务支出"), (3, "50502"), (4, "商品和服务支出"), (5, "57.47"), (7, "57.47"))
            .Tables().Single();

        Assert.Equal(["total", "personnel", "public_use"], t.Columns);
        var rows = t.Rows.Where(r => r.Code == "30299").ToList();
        Assert.Equal(["total=14.85 public_use=14.85", "total=57.47 public_use=57.47"],
            rows.Select(r => string.Join(' ', r.Values.Select(v => $"{v.ColumnKey}={v.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))));
    }

    [Fact]
    public void A_title_that_says_it_leaves_out_the_carryover_is_not_the_carryover_table()
    {
        var t = new GridDocument(4).Text("表8").Text("2022年部门综合预算一般公共预算基本支出明细表（按支出经济分类科目-不含上年结转）").Text("金额单位：元")
            .Row((0, "部门经济科目编码"), (1, "部门经济科目名称"), (2, "合计"), (3, "人员经费支出"))
            .Row((1, "合计"), (2, "100.00"), (3, "100.00"))
            .Row((0, "301"), (1, "工资福利支出"), (2, "100.00"), (3, "100.00"))
            .Tables().Single();

        Assert.Equal("general_budget_basic_expenditure", t.TableKey);
    }

    [Fact]
    public void A_title_qualified_on_the_next_line_in_brackets_is_read_whole()
    {
        // Xi'an: 一般公共预算支出明细表 / （按经济分类科目分） is the economic table, not 表5 by function
        var t = new GridDocument(3).Text("表6").Text("2022年部门综合预算一般公共预算支出明细表").Text("（按经济分类科目分）").Text("金额单位：万元")
            .Row((0, "科目名称"), (1, "合计"), (2, "人员经费支出"))
            .Row((0, "合计"), (1, "10.00"), (2, "10.00"))
            .Row((0, "301 工资福利支出"), (1, "10.00"), (2, "10.00"))
            .Tables().Single();

        Assert.Equal("general_budget_expenditure_economic", t.TableKey);
        Assert.EndsWith("（按经济分类科目分）", t.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_title_that_lost_its_first_line_continues_the_table()
    {
        var t = new GridDocument(3).Text("表12").Text("2022年部门综合预算政府采购（资产配置、购买服务）").Text("预算表（不含上年结转）").Text("金额单位：万元")
            .Row((0, "采购项目"), (1, "科目编码"), (2, "预算金额"))
            .Row((0, "合计"), (2, "30.00"))
            .Row((0, "办公设备"), (1, "2010101"), (2, "10.00"))
            .Page().Text("预算表（不含上年结转）").Text("金额单位：万元")
            .Row((0, "采购项目"), (1, "科目编码"), (2, "预算金额"))
            .Row((0, "印刷服务"), (1, "2010101"), (2, "20.00"))
            .Tables();

        var table = Assert.Single(t);
        Assert.Equal("government_procurement", table.TableKey);
        Assert.Equal(3, table.Rows.Count);
    }

    [Fact]
    public void A_numbered_table_printed_with_its_header_and_no_rows_is_an_empty_table()
    {
        var t = new GridDocument(4).Text("表11").Text("2022部门综合预算财政拨款结转资金支出表").Text("金额单位：元")
            .Row((0, "预算项目名称"), (1, "金额"), (2, "功能分类科目代码"), (3, "功能分类科目名称"))
            .Page().Text("表12").Text("政府采购预算表").Text("金额单位：元")
            .Row((0, "采购项目"), (1, "科目编码"), (2, "预算金额"))
            .Row((0, "合计"), (2, "30.00"))
            .Tables();

        Assert.Equal(["prior_year_carryover", "government_procurement"], t.Select(x => x.TableKey));
        Assert.True(t[0].IsEmpty);
    }

    [Fact]
    public void An_expenditure_side_by_class_and_by_use_is_read_as_two_blocks_and_a_merged_total_label_keeps_its_amount()
    {
        // Jiangsu 收支预算总表: 收入 | 支出 (功能分类: 功能科目名称 | 金额; 支出用途: 项目名称 | 金额); 支出合计 merged over both
        var t = new GridDocument(6).Text("公开01表").Text("收支预算总表").Text("单位：万元")
            .Row((0, "收入"), (2, "支出"))
            .Row((0, "项目名称"), (1, "金额"), (2, "功能分类"), (4, "支出用途"))
            .Row((2, "功能科目名称"), (3, "金额"), (4, "项目名称"), (5, "金额"))
            .Row((0, "一、财政拨款"), (1, "30.00"), (2, "一、一般公共服务支出"), (4, "一、基本支出"), (5, "20.00"))
            .Row((0, "1.一般公共预算"), (1, "30.00"), (2, "二、外交支出"), (4, "二、项目支出"), (5, "10.00"))
            .Row((2, "四、公共安全支出"), (3, "30.00"))
            .Row((0, "收入合计"), (1, "30.00"), (2, "支出合计"), (5, "30.00"))
            .Tables().Single();

        var expenditure = t.Rows.Where(r => r.Side == "expenditure").ToList();
        Assert.Equal(["204", "expenditure_total"], expenditure.Select(r => r.Code ?? r.RowKey));
        Assert.Equal(30.00m, expenditure[1].Values.Single().Amount);
        Assert.Equal(["basic", "project"], t.Rows.Where(r => r.Side == "expenditure_block2").Select(r => r.RowKey));
    }
}
