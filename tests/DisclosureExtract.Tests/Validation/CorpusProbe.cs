using DisclosureExtract.Validation;
using Xunit.Abstractions;

namespace DisclosureExtract.Tests.Validation;

public sealed class CorpusProbe(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tekes-2023")]
    [InlineData("bayingol-2023")]
    [InlineData("shanshan-2024")]
    [InlineData("kizilsu-2025")]
    public void Probe(string doc)
    {
        foreach (var f in Validator.Check(CorpusTables.Load(doc)))
        {
            output.WriteLine($"{f.Severity} {f.Check} {f.TableKey} {f.Code} {f.ColumnKey} L{f.Line + 1}: {f.Message}");
        }
    }
}
