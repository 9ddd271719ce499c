using System.Text;
using DisclosureExtract.Explanation;
using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Explanation;

/// <summary>
/// Shanghai-style sections (其他相关情况说明 and one "…项目经费情况说明" per project). The text is what
/// `pdftotext -layout corpus/pdf/shanghai_putuo_govoffice_2025_dept_budget.pdf` prints for those pages
/// (lines kept as wrapped there; the build has no PDF reader yet).
/// </summary>
public class ShanghaiStyleTests
{
    private const string Text = """
        四、部门预算编制说明
        2025年，上海市普陀区人民政府办公室收入预算9,101.68万元。
        五、部门预算表
        其他相关情况说明
        一、2025年“三公”经费预算情况说明
        2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：
        （一）因公出国（境）费839万元，与2024年预算持平。
        （二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元，与2024年预算持平；公务用车运行费0万
        元，与2024年预算持平。
        （三）公务接待费28.50万元，与2024年预算持平。
        二、机关运行经费预算
        2025年上海市普陀区人民政府办公室下属1家机关和1家事业单位财政拨款的机关运行经费预算为213.28万元。
        三、政府采购预算情况
        2025年本部门政府采购预算34万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算34万元。
        2025年本部门面向中小企业预留政府采购项目预算金额34万元，其中，预留给小型和微型企业的政府采购项目预算为34万元。
                    区政府督查及建议提案工作业务经费项目经费情况说明
        一、项目概述
        主要推进区委、区政府年度重点工作、为民办实事、人大代表建议政协提案办理等工作所需的咨询、设计、调查、技术服务等业务支撑，
        确保相关工作能更好提升市民满意度。
        二、立项依据
        《区委、区政府2024年重点工作任务书》和《区政府2024年重点工作任务书》。
        三、实施主体
        主要完成区委、区政府年度重点工作任务书印制工作，使全区各单位进一步明晰自身目标任务，按时间节点推进各项任务。
        四、实施方案
        结合区政府重点工作推进情况，定期开展。
        五、实施周期
        2025全年度。
        六、年度预算安排
        结合区政府重点工作推进情况，根据合同条款，按时拨付资金。
        七、绩效目标
        详见单位的项目绩效目标表
        """;

    private static ExplanationData Extract()
    {
        var doc = new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(Text), "");
        return ExplanationExtractor.Extract(doc, Parts.PartSplitter.Split(doc));
    }

    [Fact]
    public void Three_public_operating_expenses_and_procurement_are_read_from_other_matters()
    {
        var data = Extract();

        Assert.Equal(867.50m, data.Figure("three_public", "total")!.Amount);
        Assert.Equal("unchanged", data.Figure("three_public", "total")!.Change!.Direction);
        Assert.Equal(839m, data.Figure("three_public", "overseas_travel")!.Amount);
        Assert.Equal(0m, data.Figure("three_public", "vehicles")!.Amount);
        Assert.Equal(0m, data.Figure("three_public", "vehicle_operation")!.Amount);
        Assert.Equal(28.50m, data.Figure("three_public", "reception")!.Amount);
        Assert.Equal(213.28m, data.Figure("operating_expenses", "total")!.Amount);
        Assert.Equal(34m, data.Figure("procurement", "total")!.Amount);
        Assert.Equal(34m, data.Figure("procurement", "services")!.Amount);
        Assert.Equal(34m, data.Figure("procurement", "sme_reserved")!.Amount);
        Assert.Equal(34m, data.Figure("procurement", "small_micro_reserved")!.Amount);
    }

    [Fact]
    public void A_project_section_gives_name_basis_executing_text_and_period()
    {
        var p = Assert.Single(Extract().Projects);

        Assert.Equal("区政府督查及建议提案工作业务经费项目", p.Name);
        Assert.Equal("《区委、区政府2024年重点工作任务书》和《区政府2024年重点工作任务书》", p.PolicyBasis);
        Assert.Null(p.Amount); // 年度预算安排 states no amount here
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (p.Start, p.End));
        Assert.StartsWith("结合区政府重点工作推进情况", p.Allocation, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_against_a_named_year_are_read_as_changes()
    {
        // pdftotext of corpus/pdf/shanghai_putuo_wanli_street_2024_dept_budget.pdf, 其他相关情况说明
        const string wanli = """
            其他相关情况说明
            一、2024年“三公”经费预算情况说明
            2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：
            （一）因公出国（境）费0万元，比2023年预算持平。主要原因是因公出国（境）费保持不变。
            （二）公务用车购置及运行费46.56万元，比2023年预算增加25万元，主要原因是购置公务用车。其中：公务用车购置费25万元，比
            2023年预算增加25万元，主要原因是购置公务用车；公务用车运行费21.56万元，比2023年预算持平，主要原因是公务车用车运行费保持
            不变。
            （三）公务接待费1.35万元。比2023年预算持平，主要原因是公务接待费保持不变。
            """;
        var doc = new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(wanli), "");
        var data = ExplanationExtractor.Extract(doc, Parts.PartSplitter.Split(doc));

        Assert.Equal(new YearChange("increase", 25m, null, "万元"), data.Figure("three_public", "total")!.Change);
        Assert.Equal(new YearChange("increase", 25m, null, "万元"), data.Figure("three_public", "vehicles")!.Change);
        Assert.Equal(new YearChange("increase", 25m, null, "万元"), data.Figure("three_public", "vehicle_purchase")!.Change);
        Assert.Equal("unchanged", data.Figure("three_public", "vehicle_operation")!.Change!.Direction);
        Assert.Equal("unchanged", data.Figure("three_public", "reception")!.Change!.Direction);
        Assert.Equal(1.35m, data.Figure("three_public", "reception")!.Amount);
    }
}
