using DisclosureExtract.Reference;

namespace DisclosureExtract.Tests.Validation;

public sealed class ReferenceCatalogTests
{
    [Fact]
    public void Embedded_catalog_knows_the_reference_and_corpus_codes_with_their_sources()
    {
        var c = ReferenceCatalog.Default;
        Assert.True(c.Count > 150);
        Assert.True(c.Accepts(ReferenceCatalog.Function, "2101101", "行政单位医疗"));
        Assert.True(c.Accepts(ReferenceCatalog.Function, "2101550", "事业运行")); // from kizilsu-2025 only
        Assert.Contains("kizilsu-2025", c.EntriesOf(ReferenceCatalog.Function, "2101550")[0].source, StringComparison.Ordinal);
        Assert.True(c.Accepts(ReferenceCatalog.Economic, "30110", "职工基本医疗保险缴费"));
        Assert.False(c.Accepts(ReferenceCatalog.Economic, "30110", "城镇职工基本医疗保险缴费"));
        Assert.False(c.Accepts(ReferenceCatalog.Function, "234", "抗疫特别国债还本支出"));
        Assert.True(c.Knows(ReferenceCatalog.Function, "202")); // 外交支出: from the order of the 类 list (function_classes.csv)
        Assert.False(c.Knows(ReferenceCatalog.Function, "2369999"));
        Assert.All(c.EntriesOf(ReferenceCatalog.Function, "210"), e => Assert.Equal("类", e.level));
    }

    [Fact]
    public void Names_compare_after_folding_width_and_spaces()
    {
        Assert.True(Names.Same("维修(护)费", "维修（护）费"));
        Assert.True(Names.Same("卫生 健康支出", "卫生健康支出"));
        Assert.False(Names.Same("卫生键康支出", "卫生健康支出"));
    }
}
