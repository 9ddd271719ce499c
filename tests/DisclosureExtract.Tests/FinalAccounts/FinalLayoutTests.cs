using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Tables;
using DisclosureExtract.Tests.Tables;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tests.FinalAccounts;

/// <summary>
/// Layouts of final accounts (决算) as the PDF reader gives them (cells in grid columns; a spanning cell has the extent of
/// its span): blocks side by side, 行次 columns, 合计 repeated on continuation pages, 预算数/决算数 pairs, fund tables,
/// tables printed empty, and a document's kind judged by its tables.
/// </summary>
public sealed class FinalLayoutTests
{
    [Fact]
    public void Blocks_side_by_side_each_go_down_their_own_codes_with_their_totals_by_row_key()
    {
        // 基本支出决算表: 人员经费 | 公用经费, each 经济分类科目编码 | 科目名称 | 金额; the block totals on the last row
        var t = new GridDocument(6).Text("表6").Text("一般公共预算财政拨款基本支出决算表").Text("单位：万元")
            .Spans((0, "人员经费", 3), (3, "公用经费", 3))
            .Row((0, "经济分类科目编码"), (1, "科目名称"), (2, "金额"), (3, "经济分类科目编码"), (4, "科目名称"), (5, "金额"))
            .Row((0, "301"), (1, "工资福利支出"), (2, "10.00"), (3, "302"), (4, "商品和服务支出"), (5, "3.00"))
            .Row((0, "30101"), (1, "基本工资"), (2, "10.00"), (3, "30201"), (4, "办公费"), (5, "3.00"))
            .Row((3, "310"), (4, "资本性支出"), (5, "1.00"))
            .Row((1, "人员经费合计"), (2, "10.00"), (4, "公用经费合计"), (5, "4.00"))
            .TablesOfItsKind().Single();

        Assert.Equal("final_general_budget_basic_expenditure", t.TableKey);
        Assert.Equal(["301", "30101", null, "302", "30201", "310", null], t.Rows.Select(r => r.Code));
        Assert.Equal("total=10.00", t.Row("personnel_total").Cells());
        Assert.Equal("total=4.00", t.Row("public_use_total").Cells());
        Assert.Equal("total=3.00", t.Row("30201").Cells());
        Assert.Equal("公用经费/金额", t.Row("310").Values.Single().Label);
    }

    [Fact]
    public void A_block_total_printed_across_the_code_column_is_the_row_s_name_and_one_header_row_is_enough()
    {
        // Shanghai: one header row, 人员经费合计 in the code column
        var t = new GridDocument(6).Text("一般公共预算财政拨款基本支出决算表").Text("单位：万元")
            .Row((0, "经济分类科目编码"), (1, "科目名称"), (2, "决算数"), (3, "经济分类科目编码"), (4, "科目名称"), (5, "决算数"))
            .Row((0, "301"), (1, "工资福利支出"), (2, "10.00"), (3, "302"), (4, "商品和服务支出"), (5, "3.00"))
            .Row((0, "人员经费合计"), (2, "10.00"), (3, "公用经费合计"), (5, "3.00"))
            .TablesOfItsKind().Single();

        Assert.Equal(["personnel_total", "public_use_total"], t.Rows.Where(r => r.Code is null).Select(r => r.RowKey));
        Assert.Equal("total=3.00", t.Row("302").Cells());
    }

    [Theory]
    // the code and name columns repeated after an amount column: blocks side by side
    [InlineData("经济分类科目编码|科目名称|金额|经济分类科目编码|科目名称|金额", 2)]
    [InlineData("经济分类科目编码|科目名称|决算数|经济分类科目编码|科目名称|决算数|经济分类科目编码|科目名称|决算数", 3)]
    // a listing that prints its project's code after its amount (Xi'an 结转资金支出表), a second code group after the name (Beijing)
    [InlineData("预算单位名称|预算项目名称|金额|功能分类科目代码|功能分类科目名称|备注", 1)]
    [InlineData("科目编码|科目名称|合计|基本支出|项目支出", 1)]
    [InlineData("科目编码|科目名称|政府经济科目编码|政府经济科目名称|金额", 1)]
    public void Blocks_start_where_a_header_repeats_the_first_block_s_code_and_name_after_an_amount(string header, int blocks)
    {
        var labels = header.Split('|');
        var doc = new GridDocument(labels.Length).Text("一般公共预算财政拨款基本支出决算表").Text("单位：万元")
            .Row(labels.Select((l, i) => (i, l)).ToArray())
            .Row(labels.Select((l, i) => (i, l.Contains("编码", StringComparison.Ordinal) || l.Contains("代码", StringComparison.Ordinal) ? "30101" : "1.00")).ToArray())
            .Source;
        var catalog = Catalogs.FinalAccounts;
        var seg = TableSegmenter.Find(doc, [], catalog).Single();
        var body = TableBodyReader.Read(doc, seg, catalog, new TableScratch());

        Assert.Equal(blocks, Math.Max(1, body.BlockStarts.Count));
    }

    [Fact]
    public void Serial_number_columns_of_a_two_sided_table_hold_no_amounts()
    {
        // national layout: 项目 | 行次 | 决算数 on both sides, a 栏次 row under the header
        var t = new GridDocument(6).Text("表1").Text("收入支出决算总表").Text("部门：某局 单位：万元")
            .Spans((0, "收入", 3), (3, "支出", 3))
            .Row((0, "项 目"), (1, "行次"), (2, "决算数"), (3, "项 目"), (4, "行次"), (5, "决算数"))
            .Row((0, "栏 次"), (2, "1"), (3, "栏 次"), (5, "2"))
            .Row((0, "一、一般公共预算财政拨款收入"), (1, "1"), (2, "100.00"), (3, "一、一般公共服务支出"), (4, "27"), (5, "100.00"))
            .Row((1, "2"), (3, "二、外交支出"), (4, "28"), (5, "0.00"))
            .Row((0, "本年收入合计"), (1, "23"), (2, "100.00"), (3, "本年支出合计"), (4, "49"), (5, "100.00"))
            .Row((0, "用事业基金弥补收支差额"), (1, "24"), (2, "0.00"), (3, "结余分配"), (4, "50"), (5, "0.00"))
            .Row((0, "年初结转和结余"), (1, "25"), (2, "5.00"), (3, "年末结转和结余"), (4, "51"), (5, "5.00"))
            .Row((0, "总计"), (1, "26"), (2, "105.00"), (3, "总计"), (4, "52"), (5, "105.00"))
            .TablesOfItsKind().Single();

        Assert.Equal("final_income_expenditure_summary", t.TableKey);
        Assert.DoesNotContain(t.Rows.SelectMany(r => r.Values), v => v.ColumnKey != "amount");
        Assert.Equal(
            ["general_budget_appropriation", "201", "202", "current_income_total", "current_expenditure_total", "non_fiscal_balance_used", "surplus_distribution",
             "opening_balance", "closing_balance", "income_total", "expenditure_total"],
            t.Rows.Select(r => r.Code ?? r.RowKey));
        Assert.Equal("amount=5.00", t.Row("opening_balance").Cells());
    }

    [Fact]
    public void The_fiscal_summary_keys_its_opening_balance_rows_by_fund()
    {
        var t = new GridDocument(8).Text("表4").Text("财政拨款收入支出决算总表").Text("单位：万元")
            .Spans((0, "收入", 3), (3, "支出", 5))
            .Row((0, "项 目"), (1, "行次"), (2, "金额"), (3, "项 目"), (4, "行次"), (5, "合计"), (6, "一般公共预算财政拨款"), (7, "政府性基金预算财政拨款"))
            .Row((0, "一、一般公共预算财政拨款"), (1, "1"), (2, "90.00"), (3, "一、一般公共服务支出"), (4, "28"), (5, "95.00"), (6, "90.00"), (7, "5.00"))
            .Row((0, "二、政府性基金预算财政拨款"), (1, "2"), (2, "5.00"))
            .Row((0, "本年收入合计"), (1, "23"), (2, "95.00"), (3, "本年支出合计"), (4, "50"), (5, "95.00"), (6, "90.00"), (7, "5.00"))
            .Row((0, "年初财政拨款结转和结余"), (1, "24"), (2, "3.00"), (3, "年末财政拨款结转和结余"), (4, "51"), (5, "3.00"), (6, "3.00"), (7, "0.00"))
            .Row((0, "一般公共预算财政拨款"), (1, "25"), (2, "3.00"), (4, "52"))
            .Row((0, "政府性基金预算财政拨款"), (1, "26"), (2, "0.00"), (4, "53"))
            .Row((0, "总计"), (1, "27"), (2, "98.00"), (3, "总计"), (4, "54"), (5, "98.00"), (6, "93.00"), (7, "5.00"))
            .TablesOfItsKind().Single();

        Assert.Equal("final_fiscal_appropriation_summary", t.TableKey);
        Assert.Equal(
            ["general_budget_appropriation", "201", "gov_fund_appropriation", "current_income_total", "current_expenditure_total", "opening_fiscal_balance",
             "closing_fiscal_balance", "opening_fiscal_balance_general_budget", "opening_fiscal_balance_gov_fund", "income_total", "expenditure_total"],
            t.Rows.Select(r => r.Code ?? r.RowKey));
        Assert.Equal("total=3.00 general_budget=3.00 gov_fund=0.00", t.Row("closing_fiscal_balance").Cells());
        Assert.Equal("total=3.00", t.Row("opening_fiscal_balance_general_budget").Cells());
    }

    [Fact]
    public void A_total_repeated_at_the_top_of_a_continuation_page_is_read_once()
    {
        var t = new GridDocument(5).Text("表5").Text("一般公共预算财政拨款支出决算表").Text("单位：万元")
            .Row((0, "项 目"), (2, "本年支出合计"), (3, "基本支出"), (4, "项目支出"))
            .Row((0, "功能分类科目编码"), (1, "科目名称"))
            .Row((0, "栏次"), (2, "1"), (3, "2"), (4, "3"))
            .Row((1, "合计"), (2, "30.00"), (3, "10.00"), (4, "20.00"))
            .Row((0, "208"), (1, "社会保障和就业支出"), (2, "10.00"), (3, "10.00"), (4, "0.00"))
            .Page().Text("表5").Text("一般公共预算财政拨款支出决算表").Text("单位：万元")
            .Row((0, "项 目"), (2, "本年支出合计"), (3, "基本支出"), (4, "项目支出"))
            .Row((0, "功能分类科目编码"), (1, "科目名称"))
            .Row((0, "栏次"), (2, "1"), (3, "2"), (4, "3"))
            .Row((1, "合计"), (2, "30.00"), (3, "10.00"), (4, "20.00"))
            .Row((0, "214"), (1, "交通运输支出"), (2, "20.00"), (3, "0.00"), (4, "20.00"))
            .TablesOfItsKind().Single();

        Assert.Single(t.Rows, r => r.RowKey == "total");
        Assert.Equal(["208", "214"], t.Rows.Where(r => r.Code is not null).Select(r => r.Code));
    }

    [Fact]
    public void Budget_and_final_pairs_printed_under_the_items_are_columns_budget_and_final()
    {
        // Shanghai: 财政拨款“三公”经费 / items / 预算数 | 决算数
        var t = new GridDocument(8).Text("财政拨款“三公”经费支出决算表").Text("单位：万元")
            .Spans((0, "财政拨款“三公”经费", 8))
            .Spans((0, "合计", 2), (2, "因公出国（境）费", 2), (4, "公务接待费", 2), (6, "公务用车购置及运行维护费", 2))
            .Row((0, "预算数"), (1, "决算数"), (2, "预算数"), (3, "决算数"), (4, "预算数"), (5, "决算数"), (6, "预算数"), (7, "决算数"))
            .Row((0, "2.85"), (1, "0.39"), (2, "0.00"), (3, "0.00"), (4, "2.85"), (5, "0.39"), (6, "0.00"), (7, "0.00"))
            .TablesOfItsKind().Single();

        Assert.Equal("final_three_public_expenses", t.TableKey);
        Assert.Equal(["total", "overseas_travel", "reception", "vehicles"], t.Rows.Select(r => r.RowKey));
        Assert.Equal("budget=2.85 final=0.39", t.Row("total").Cells());
        Assert.Equal("budget=2.85 final=0.39", t.Row("reception").Cells());
        Assert.Equal("公务接待费", t.Row("reception").ItemName.Split('/')[^1]);
    }

    [Fact]
    public void Budget_and_final_printed_over_the_items_with_meeting_and_training_have_a_grand_total_per_column()
    {
        // 预算数 (合计 | 三公 subtotal | 会议费 | 培训费) | 决算数 (the same): the 合计 beside the 三公 subtotal is grand_total
        var t = new GridDocument(8).Text("表7").Text("“三公”经费、会议费、培训费支出决算表").Text("单位：万元")
            .Spans((0, "预算数", 4), (4, "决算数", 4))
            .Row((0, "合计"), (1, "“三公”经费小计"), (2, "会议费"), (3, "培训费"), (4, "合计"), (5, "“三公”经费小计"), (6, "会议费"), (7, "培训费"))
            .Row((0, "6.00"), (1, "3.00"), (2, "2.00"), (3, "1.00"), (4, "5.00"), (5, "2.50"), (6, "1.50"), (7, "1.00"))
            .TablesOfItsKind().Single();

        Assert.Equal("budget=6.00 final=5.00", t.Row("grand_total").Cells());
        Assert.Equal("budget=3.00 final=2.50", t.Row("total").Cells());
        Assert.Equal("budget=2.00 final=1.50", t.Row("meeting").Cells());
        Assert.Equal("budget=1.00 final=1.00", t.Row("training").Cells());
    }

    [Fact]
    public void A_fund_table_reads_opening_income_expenditure_and_closing_columns()
    {
        var t = new GridDocument(8).Text("表8").Text("政府性基金预算财政拨款收入支出决算表").Text("单位：万元")
            .Spans((0, "项 目", 2), (2, "年初结转和结余", 1), (3, "本年收入", 1), (4, "本年支出", 3), (7, "年末结转和结余", 1))
            .Row((0, "功能分类科目编码"), (1, "科目名称"), (4, "小计"), (5, "基本支出"), (6, "项目支出"))
            .Row((1, "合计"), (2, "1.00"), (3, "5.00"), (4, "4.00"), (5, "0.00"), (6, "4.00"), (7, "2.00"))
            .Row((0, "212"), (1, "城乡社区支出"), (2, "1.00"), (3, "5.00"), (4, "4.00"), (5, "0.00"), (6, "4.00"), (7, "2.00"))
            .TablesOfItsKind().Single();

        Assert.Equal("final_government_fund", t.TableKey);
        Assert.Equal("opening_balance=1.00 income=5.00 total=4.00 basic=0.00 project=4.00 closing_balance=2.00", t.Row("212").Cells());
    }

    [Fact]
    public void A_table_printed_empty_with_a_note_is_empty_not_missing()
    {
        // the third header row merged with the empty 合计 row (the reader's grid of the Shanghai template)
        var t = new GridDocument(8).Text("国有资本经营预算财政拨款收入支出决算表").Text("单位：万元")
            .Row((0, "项目"), (2, "年初结转和结余"), (3, "本年收入"), (4, "本年支出"), (7, "年末结转和结余"))
            .Row((0, "功能分类科目编码"), (1, "科目名称"))
            .Row((0, "合计"), (4, "合计"), (5, "基本支出"), (6, "项目支出"))
            .Text("注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。")
            .Text("说明：某局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。")
            .TablesOfItsKind().Single();

        Assert.Equal(("final_state_capital", 9, true), (t.TableKey, t.TableNo, t.IsEmpty));
        Assert.Contains("本表无数据", t.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_printed_blank_is_found_by_its_header()
    {
        var tables = new GridDocument(4).Text("收入支出决算总表").Text("单位：万元")
            .Spans((0, "收入", 2), (2, "支出", 2))
            .Row((0, "项目"), (1, "决算数"), (2, "项目"), (3, "决算数"))
            .Row((0, "一、一般公共预算财政拨款收入"), (2, "一、一般公共服务支出"))
            .Row((0, "总计"), (2, "总计"))
            .TablesOfItsKind();

        Assert.Equal(("final_income_expenditure_summary", true), (tables.Single().TableKey, tables.Single().IsEmpty));
    }

    [Fact]
    public void A_document_s_kind_is_judged_by_its_tables_where_its_title_says_otherwise_or_nothing()
    {
        GridDocument Tables(GridDocument d) => d.Text("收入决算表").Text("单位：万元")
            .Row((0, "功能分类科目编码"), (1, "科目名称"), (2, "本年收入合计"), (3, "财政拨款收入"))
            .Row((0, "208"), (1, "社会保障和就业支出"), (2, "1.00"), (3, "1.00"))
            .Text("支出决算表").Text("单位：万元")
            .Row((0, "功能分类科目编码"), (1, "科目名称"), (2, "本年支出合计"), (3, "基本支出"), (4, "项目支出"))
            .Row((0, "208"), (1, "社会保障和就业支出"), (2, "1.00"), (3, "1.00"), (4, "0.00"));

        // no title word at all
        var none = Tables(new GridDocument(5)).Convert();
        Assert.Equal("final_accounts", none.Kind);
        Assert.Equal(["final_income", "final_expenditure"], none.Tables.Select(t => t.TableKey));

        // a title that says 预算 (a budget comparison on the cover), tables that say 决算
        var misleading = Tables(new GridDocument(5).Text("某局2024年部门预算执行情况").Text("第二部分 2024年度部门决算表")).Convert();
        Assert.Equal("final_accounts", misleading.Kind);

        // a budget document stays a budget
        var budget = new GridDocument(5).Text("某局2025年部门预算").Text("表3").Text("支出总表").Text("单位：万元")
            .Row((0, "科目编码"), (1, "科目名称"), (2, "合计"), (3, "基本支出"), (4, "项目支出"))
            .Row((0, "208"), (1, "社会保障和就业支出"), (2, "1.00"), (3, "1.00"))
            .Convert();
        Assert.Equal("budget", budget.Kind);
    }

    [Fact]
    public void A_document_whose_tables_give_no_amount_is_partial_with_the_reason()
    {
        var r = new GridDocument(4).Text("上海市XX局2024年度部门决算").Text("第一部分 概况").Text("一、主要职能")
            .Text("第二部分 2024年度部门决算表").Text("收入支出决算总表").Text("单位：万元")
            .Spans((0, "收入", 2), (2, "支出", 2))
            .Row((0, "项目"), (1, "决算数"), (2, "项目"), (3, "决算数"))
            .Row((0, "总计"), (2, "总计"))
            .Text("第三部分 2024年度部门决算情况说明").Text("一、收入支出决算总体情况说明")
            .Convert();

        Assert.Equal(ConversionStatus.Partial, r.Status);
        Assert.Equal("final_accounts", r.Kind);
        Assert.Contains("tables printed but not read: all 1 tables found are empty (no amounts)", r.Error, StringComparison.Ordinal);
    }
}
