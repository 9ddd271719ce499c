using System.Text.RegularExpressions;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Tests.Tables;

/// <summary>
/// The hand-written token matchers accept exactly what their regular expressions accept: the listed edge cases and
/// a few hundred thousand random strings over the characters that matter (ASCII and other Unicode digits,
/// separators, sign, line feeds, letters).
/// </summary>
public class TokenShapesTests
{
    private const string Alphabet = "0123456789,,..--\n a٣０";

    public static TheoryData<string> EdgeCases() =>
    [
        "", "-", "0", "-0", "12", "1234", "1,234", "12,345,678", "1,234.50", "-1,234.5", "1234,567", "12,3456", "1,23", "1,234,",
        "1,234.", ".5", "-.5", "1.", "1..2", "1.2.3", "1\n", "1\n\n", "\n", "1,234\n", "١٢٣", "12a", "a12", "--1", "1-", "1,,234", "0.0001", "٣,٣٣٣",
        "123", "12345", "1234567", "123456", "12", "123\n", "2101101", "21011\n",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Edge_cases_match_as_the_patterns_do(string s) => AssertSame(s);

    [Fact]
    public void Random_strings_match_as_the_patterns_do()
    {
        var random = new Random(20261123);
        var buffer = new char[10];
        for (var n = 0; n < 300_000; n++)
        {
            var length = random.Next(0, buffer.Length + 1);
            for (var i = 0; i < length; i++)
            {
                buffer[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            AssertSame(new string(buffer, 0, length));
        }
    }

    [Fact]
    public void Amounts_are_told_from_other_tokens()
    {
        Assert.True(TokenShapes.IsAmount("1,234.50"));
        Assert.True(TokenShapes.IsAmount("-0.5"));
        Assert.False(TokenShapes.IsAmount("1234,567"));
        Assert.False(TokenShapes.IsAmount("12,3456"));
        Assert.True(TokenShapes.IsDigits("210", 3));
        Assert.False(TokenShapes.IsDigits("2101", 3));
        Assert.True(TokenShapes.IsDigits("2101101", 5, 7));
    }

    private static void AssertSame(string s)
    {
        Assert.True(LineSyntax.AmountPattern.IsMatch(s) == TokenShapes.IsAmount(s), $"amount: \"{Regex.Escape(s)}\"");
        Assert.True(LineSyntax.ClassCodePattern.IsMatch(s) == TokenShapes.IsDigits(s, 3), $"class code: \"{Regex.Escape(s)}\"");
        Assert.True(LineSyntax.SubCodePattern.IsMatch(s) == TokenShapes.IsDigits(s, 2), $"sub code: \"{Regex.Escape(s)}\"");
        Assert.True(LineSyntax.FullCodePattern.IsMatch(s) == TokenShapes.IsDigits(s, 5, 7), $"full code: \"{Regex.Escape(s)}\"");
        Assert.True(LineSyntax.GluedCodePattern.IsMatch(s) == TokenShapes.IsGluedCode(s), $"glued code: \"{Regex.Escape(s)}\"");
    }
}
