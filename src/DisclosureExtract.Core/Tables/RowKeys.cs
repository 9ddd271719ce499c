using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>row_key of uncoded rows by the meaning of their labels (schema/row-keys.csv).</summary>
internal static class NamedRows
{
    /// <summary>表10 rows: 合计, 因公出国（境）费, 公务接待费, 公务用车购置及运行费（小计）, 其中：公务用车购置费, 公务用车运行费, 机关运行经费.</summary>
    public static string? KeyOf(string label)
    {
        var t = Squeeze(label);
        if (t.StartsWith("合计", StringComparison.Ordinal) || t.StartsWith("总计", StringComparison.Ordinal))
        {
            return "total";
        }

        if (t.Contains("因公出国", StringComparison.Ordinal))
        {
            return "overseas_travel";
        }

        if (t.Contains("公务接待", StringComparison.Ordinal))
        {
            return "reception";
        }

        if (t.Contains("购置及运行", StringComparison.Ordinal) || t.Contains("购置和运行", StringComparison.Ordinal))
        {
            return "vehicles";
        }

        if (t.Contains("公务用车购置", StringComparison.Ordinal))
        {
            return "vehicle_purchase";
        }

        if (t.Contains("公务用车运行", StringComparison.Ordinal))
        {
            return "vehicle_operation";
        }

        return t.Contains("机关运行经费", StringComparison.Ordinal) ? "operating_expenses" : null;
    }

    /// <summary>The row whose sum a 表10 row is part of (合计 ← 出国, 接待, 公务用车; 公务用车 ← 购置, 运行).</summary>
    public static string? ParentOf(string key) => key switch
    {
        "overseas_travel" or "reception" or "vehicles" => "total",
        "vehicle_purchase" or "vehicle_operation" => "vehicles",
        _ => null,
    };

    internal static string Squeeze(string label)
    {
        var t = Text.TextNormalizer.RemoveWhiteSpace(Text.TextNormalizer.Fold(label));
        if (t.StartsWith("其中:", StringComparison.Ordinal))
        {
            t = t[3..];
        }

        return t;
    }
}

/// <summary>Income-side rows of 表1 and 表4 by the meaning of their labels; the 其中 rows under 财政拨款结转 get their own keys.</summary>
internal sealed class IncomeRows
{
    private string _section = string.Empty;

    public string? KeyOf(string label)
    {
        var t = NamedRows.Squeeze(label);
        t = StripNumbering(t);
        bool Has(string s) => t.Contains(s, StringComparison.Ordinal);
        if (Has("收入总计") || Has("收入合计"))
        {
            return "income_total";
        }

        if (Has("支出总计") || Has("支出合计"))
        {
            return "expenditure_total";
        }

        if (Has("本年收入"))
        {
            _section = "current";
            return "current_income";
        }

        if (Has("上年结转"))
        {
            _section = "carryover";
            return "carryover";
        }

        if (Has("非财政拨款结"))
        {
            _section = "non_fiscal";
            return "non_fiscal_carryover";
        }

        if (Has("财政拨款结转"))
        {
            _section = "fiscal_carryover";
            return "fiscal_carryover";
        }

        var fc = _section == "fiscal_carryover";
        if (Has("一般财力"))
        {
            return "general_revenue";
        }

        if (Has("上级一般公共预算"))
        {
            return "general_budget_transfer";
        }

        if (Has("上级政府性基金"))
        {
            return "gov_fund_transfer";
        }

        if (Has("上级国有资本"))
        {
            return "state_capital_transfer";
        }

        if (Has("政府性基金收入"))
        {
            return "gov_fund_revenue";
        }

        if (Has("国有资本经营收入"))
        {
            return "state_capital_revenue";
        }

        if (Has("一般公共预算"))
        {
            return fc ? "fiscal_carryover_general_budget" : "general_budget_appropriation";
        }

        if (Has("基金预算"))
        {
            return fc ? "fiscal_carryover_gov_fund" : "gov_fund_appropriation";
        }

        if (Has("国有资本经营预算"))
        {
            return fc ? "fiscal_carryover_state_capital" : "state_capital_appropriation";
        }

        if (Has("财政专户"))
        {
            return "special_account";
        }

        if (Has("事业单位经营收入"))
        {
            return "operating_income";
        }

        if (Has("事业收入"))
        {
            return "business_income";
        }

        if (Has("上级补助收入"))
        {
            return "superior_subsidy";
        }

        if (Has("附属单位上缴"))
        {
            return "subsidiary_income";
        }

        if (Has("其他收入"))
        {
            return "other_income";
        }

        if (Has("单位资金"))
        {
            return "unit_funds";
        }

        return Has("财政拨款") ? "fiscal_appropriation" : null;
    }

    /// <summary>"一、" "1." "1、" "(一)" at the start of a label.</summary>
    private static string StripNumbering(string t)
    {
        var i = 0;
        if (i < t.Length && t[i] == '(')
        {
            var close = t.IndexOf(')', StringComparison.Ordinal);
            if (close > 0 && close < 5)
            {
                return t[(close + 1)..];
            }
        }

        while (i < t.Length && (char.IsAsciiDigit(t[i]) || "一二三四五六七八九十".Contains(t[i], StringComparison.Ordinal)))
        {
            i++;
        }

        if (i > 0 && i < t.Length && t[i] is '、' or '.' or ',' or ':')
        {
            return t[(i + 1)..];
        }

        return t;
    }
}
