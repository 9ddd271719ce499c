using DisclosureExtract.Model;
using DisclosureExtract.Validation;

namespace DisclosureExtract.Tests.Validation;

public sealed class ToleranceTests
{
    [Theory]
    [InlineData("90", "90.00", null)]
    [InlineData("21.32", "21.31", Severity.Warning)]
    [InlineData("21.30", "21.32", Severity.Error)]
    [InlineData("1126.25", "1202.75", Severity.Error)]
    public void Classifies_differences_exactly(string expected, string actual, Severity? severity) =>
        Assert.Equal(severity, Tolerance.Classify(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture)));
}
