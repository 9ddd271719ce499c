using DisclosureExtract.Model;
using DisclosureExtract.Validation;

namespace DisclosureExtract.Tests.Validation;

/// <summary>The rounding model: each printed term may be off by half a unit of its last printed digit, in the equation's unit.</summary>
public sealed class ToleranceTests
{
    [Theory]
    [InlineData(0, "0.5")]
    [InlineData(2, "0.005")]
    [InlineData(6, "0.0000005")]
    public void Half_a_unit_of_the_last_printed_digit(int decimals, string half) =>
        Assert.Equal(decimal.Parse(half, System.Globalization.CultureInfo.InvariantCulture), Tolerance.HalfUnit(decimals));

    private static List<Finding> Sums(string unit, string parent, params string[] kids)
    {
        var t = new TableBuilder(3, "total");
        t.Row("210", "卫生健康支出", "total=" + parent).Row("21011", "行政事业单位医疗", "total=" + parent);
        for (var i = 0; i < kids.Length; i++)
        {
            t.Row($"21011{i + 1:00}", "项", "total=" + kids[i]);
        }

        var table = t.Key("total", "合计", "total=" + parent).Build() with { Unit = unit };
        return [.. Validator.Check([table]).Where(f => f.Check == CheckIds.HierarchySum)];
    }

    [Fact]
    public void A_whole_yuan_table_one_yuan_off_is_rounding()
    {
        // the publisher rounds fen: 94,995,790 against 项 rows adding up to 94,995,789 (±0.5 元 per printed term)
        var f = Assert.Single(Sums("元", "94995790", "50000000", "44995789"));
        Assert.Equal((Severity.Warning, Roles.Rounding), (f.Severity, f.Role));
        Assert.Contains("rounding", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cent_in_a_two_decimal_table_is_rounding_and_more_than_the_terms_can_carry_is_not()
    {
        // bayingol-2023.txt:145-149: 12.8 + 1.79 + 6.2 + 0.53 = 21.32 against 21.31 (0.005 per printed term)
        Assert.Equal(Roles.Rounding, Assert.Single(Sums("万元", "21.31", "12.80", "1.79", "6.20", "0.53")).Role);
        var f = Assert.Single(Sums("万元", "21.31", "12.80", "1.79"));
        Assert.NotEqual(Roles.Rounding, f.Role);
    }

    [Fact]
    public void A_six_decimal_table_allows_half_a_millionth()
    {
        Assert.Equal(Roles.Rounding, Assert.Single(Sums("万元", "1.000001", "0.500000", "0.500000")).Role);
        Assert.NotEqual(Roles.Rounding, Assert.Single(Sums("万元", "1.000010", "0.500000", "0.500000")).Role);
    }

    [Fact]
    public void An_amount_printed_without_its_trailing_zeros_keeps_the_table_s_decimals()
    {
        // tekes-2023.txt:278 prints 90 among two-decimal amounts: it stands for 90.00, not for anything from 89.5 to 90.5
        Assert.NotEqual(Roles.Rounding, Assert.Single(Sums("万元", "90.30", "90", "0.00")).Role);
    }
}
