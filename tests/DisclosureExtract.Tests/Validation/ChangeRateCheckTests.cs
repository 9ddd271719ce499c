using DisclosureExtract.Model;
using DisclosureExtract.Validation;
using static DisclosureExtract.Tests.Validation.CorpusTables;

namespace DisclosureExtract.Tests.Validation;

/// <summary>比上年增加 X 万元，增长 Y%: Y must follow from X and the amount, within the rounding of the printed amounts.</summary>
public sealed class ChangeRateCheckTests
{
    [Theory]
    [InlineData("1110.37", "134.92", "13.83")] // tekes-2023.txt:923 exact
    [InlineData("5.93", "2.35", "65.46")] // tekes-2023.txt:1057: 2.35 / 3.58 = 65.64%, but 65.46% is reached within ±0.005 of the printed amounts
    [InlineData("0.20", "-0.89", "-81.48")] // tekes-2023.txt:1075: 0.20 万元，减少 0.89, 下降 81.48% (81.65% from the rounded amounts; within rounding)
    [InlineData("151.58", "151.58", "100")] // a new item: last year 0, not checked
    public void Rates_that_follow_from_the_amounts_are_not_reported(string amount, string change, string rate) =>
        Assert.Null(ChangeRateCheck.Check("x", new TextFigure(D(amount), 1, null, D(change), D(rate))));

    [Theory]
    [InlineData("1110.37", "134.92", "13.84", Severity.Warning)]
    [InlineData("1110.37", "134.92", "31.83", Severity.Error)]
    [InlineData("1110.37", "134.92", "-13.83", Severity.Error)]
    public void Rates_that_do_not_follow_are_reported(string amount, string change, string rate, Severity severity)
    {
        var f = ChangeRateCheck.Check("x", new TextFigure(D(amount), 7, null, D(change), D(rate)));
        Assert.NotNull(f);
        Assert.Equal((CheckIds.TextChangeRate, severity, 7), (f.Check, f.Severity, f.Line!.Value));
    }

    /// <summary>
    /// tekes-2023.txt:1037-1043: 机关事业单位基本养老保险缴费支出 31.30 万元，比上年预算增加 6.52 万元，增长 26.36% — last year
    /// 24.78, so 26.31%; no rounding of 31.30 and 6.52 (26.28%..26.34%) gives 26.36%.
    /// </summary>
    [Fact]
    public void Tekes2023_pension_item_growth_rate_is_found()
    {
        var text = new TextFigures
        {
            Items =
            [
                new(null, "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出", 31.30m, L(1037), 6.52m, 26.36m),
                new(null, "卫生健康支出", "行政事业单位医疗", "行政单位医疗", 5.93m, L(1057), 2.35m, 65.46m),
            ],
        };
        var f = Assert.Single(Validator.Check(Load("tekes-2023"), text), x => x.Check.StartsWith("text_", StringComparison.Ordinal));
        Assert.Equal((CheckIds.TextChangeRate, Severity.Error, 26.31m, 26.36m, 1037), (f.Check, f.Severity, f.Expected!.Value, f.Actual!.Value, f.Line!.Value + 1));
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
}
