namespace DisclosureExtract.Model;

/// <summary>The four parts every disclosure has.</summary>
public enum PartKind
{
    Overview,
    Tables,
    Explanation,
    Glossary,
}

/// <summary>A part of the document with its heading and its line span (indices into <see cref="SourceDocument.Lines"/>, end exclusive).</summary>
public sealed record DocumentPart(PartKind Kind, string Heading, int StartLine, int EndLine)
{
    public static string KeyOf(PartKind kind) => kind switch
    {
        PartKind.Overview => "overview",
        PartKind.Tables => "tables",
        PartKind.Explanation => "explanation",
        PartKind.Glossary => "glossary",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>Staffing figures from 机构设置及人员情况. Null where the document does not state them.</summary>
public sealed record Staffing(int? Authorized, int? Actual, int? InService, int? Retired, int? RetiredCadres);

/// <summary>Facts about the document as a whole.</summary>
/// <param name="UnitName">编制单位 / 编制部门, or the name in the title.</param>
/// <param name="BudgetYear">The budget year.</param>
/// <param name="Scope">部门 or 单位.</param>
/// <param name="DocumentKind">预算 (budget) or 决算 (final accounts).</param>
public sealed record DocumentFacts(string? UnitName, int? BudgetYear, string? Scope, string? DocumentKind, Staffing Staffing, int? UnitNameLine = null);
