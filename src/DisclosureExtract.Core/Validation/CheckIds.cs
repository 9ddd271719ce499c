namespace DisclosureExtract.Validation;

/// <summary>The stable ids of the validation checks (the <c>check</c> column of findings.csv). Never rename one.</summary>
public static class CheckIds
{
    /// <summary>Columns of one row do not add up (合计 = 基本支出 + 项目支出, 总计 = 财政拨款小计 + …, 表7 合计 = economic columns).</summary>
    public const string RowIdentity = "row_identity";

    /// <summary>Child rows (项 → 款 → 类 → 合计) do not add up to their parent, per column.</summary>
    public const string HierarchySum = "hierarchy_sum";

    /// <summary>A 款/项 row whose parent row is not in the table.</summary>
    public const string HierarchyOrphan = "hierarchy_orphan";

    /// <summary>A 款/项 row printed under a parent whose code is not its prefix.</summary>
    public const string HierarchyMisplaced = "hierarchy_misplaced";

    /// <summary>Uncoded summary rows of 表1, 表4, 表10 do not add up (收入总计 = 本年收入 + 上年结转结余, 三公 合计 = its lines …).</summary>
    public const string SummarySum = "summary_sum";

    /// <summary>表1/表4 income total differs from the expenditure total.</summary>
    public const string Balance = "income_expenditure_balance";

    /// <summary>表1 totals, 表2 合计 and 表3 合计 differ.</summary>
    public const string CrossTotal = "cross_total";

    /// <summary>A code's amount differs between two tables that must agree row by row (表1/表3 by 类, 表2/表3, 表4/表5 by 类).</summary>
    public const string CrossRows = "cross_rows";

    /// <summary>表5 is not the general-budget part of 表2/表3.</summary>
    public const string CrossGeneralBudget = "cross_general_budget";

    /// <summary>表6 合计 differs from 表5 基本支出.</summary>
    public const string CrossBasic = "cross_basic";

    /// <summary>表7 合计 (or a code's 表7 amount) differs from 表5 项目支出.</summary>
    public const string CrossProject = "cross_project";

    /// <summary>An amount stated in 第三部分 differs from the table it restates.</summary>
    public const string TextAmount = "text_amount";

    /// <summary>A percentage in the text does not follow from its amounts.</summary>
    public const string TextShare = "text_share";

    /// <summary>A growth rate (比上年增加 X 万元，增长 Y%) that no rounding of the printed amounts explains.</summary>
    public const string TextChangeRate = "text_change_rate";

    /// <summary>A text item (类/款/项 amount) names a code that the tables do not have.</summary>
    public const string TextItemUnmatched = "text_item_unmatched";

    /// <summary>One code carries different names in different tables or the text.</summary>
    public const string NameInconsistent = "name_inconsistent";

    /// <summary>A name differs from the reference catalog's name for the code.</summary>
    public const string NameReference = "name_reference";

    /// <summary>A code the reference catalog does not know.</summary>
    public const string CodeUnknown = "code_unknown";

    /// <summary>A value that is implausible for its unit (asset values in 元 labelled 万元).</summary>
    public const string ImplausibleValue = "implausible_value";

    /// <summary>A check that could not be made because it needs a table or rows the tool could not read (info).</summary>
    public const string Incomplete = "incomplete";
}
