namespace DisclosureExtract.Reference;

/// <summary>
/// The code of a row printed by name only (一、一般公共服务支出; 行政事业单位养老支出 under it; 行政单位离退休 under that),
/// from the reference catalog. A 类 is looked up among all classes; a 款 only among the children of the 类 above it, a
/// 项 among the children of the 款 above it, so a name such as 行政运行 is never ambiguous. Numbering (一、 (一) 1.) and
/// white space are ignored; a printed class name that differs from the reference in a few characters (资源勘探信息等支出)
/// still finds its class when no other class is as close.
/// </summary>
public sealed class CodeByName
{
    private readonly Dictionary<string, List<(string Name, string Code)>> _children = new(StringComparer.Ordinal);

    public CodeByName(ReferenceCatalog catalog, string classification)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var e in catalog.All(classification))
        {
            var parent = e.code.Length > 3 ? e.code[..^2] : string.Empty;
            if (!_children.TryGetValue(parent, out var list))
            {
                list = [];
                _children[parent] = list;
            }

            list.Add((Key(e.name), e.code));
        }
    }

    /// <summary>Function classification codes (支出功能分类) of the shipped catalog.</summary>
    public static CodeByName Function { get; } = new(ReferenceCatalog.Default, ReferenceCatalog.Function);

    /// <summary>Economic classification codes (支出经济分类) of the shipped catalog.</summary>
    public static CodeByName Economic { get; } = new(ReferenceCatalog.Default, ReferenceCatalog.Economic);

    /// <summary>The code of a 类 by its printed name; null when no class is named so. <paramref name="scheme"/>: the first
    /// digit of the codes the table prints (3 部门预算 / 5 政府预算 economic classes share their names).</summary>
    public string? Class(string printed, char? scheme = null) => Child(string.Empty, printed, fuzzy: true, scheme);

    /// <summary>The code of a child (款 of a 类, 项 of a 款) by its printed name; null when none is named so.</summary>
    public string? Child(string parent, string printed, bool fuzzy = false, char? scheme = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(printed);
        if (!_children.TryGetValue(parent, out var list))
        {
            return null;
        }

        var key = Key(StripNumbering(printed));
        if (key.Length < 2)
        {
            return null;
        }

        string? exact = null;
        var several = false;
        foreach (var (name, code) in list)
        {
            if (name == key)
            {
                several |= exact is not null && exact != code;
                exact ??= code;
            }
        }

        if (several && scheme is { } first && list.Where(x => x.Name == key && x.Code[0] == first).Select(x => x.Code).Distinct().ToList() is [var inScheme])
        {
            return inScheme;
        }

        if (several)
        {
            // two codes print this name under one parent: the classification numbers its 其他… (other) items 99
            var other = key.StartsWith("其他", StringComparison.Ordinal) ? list.Where(x => x.Name == key && x.Code.EndsWith("99", StringComparison.Ordinal)).Select(x => x.Code).Distinct().ToList() : [];
            return other.Count == 1 ? other[0] : null;
        }

        if (exact is not null || !fuzzy)
        {
            return exact;
        }

        // the closest name, when it is close (at most a quarter of the characters differ) and nothing else is as close
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var (name, code) in list)
        {
            if (scheme is { } s && code[0] != s)
            {
                continue;
            }

            var d = Distance(name, key);
            if (d < bestDistance)
            {
                (best, bestDistance, tie) = (code, d, false);
            }
            else if (d == bestDistance && code != best)
            {
                tie = true;
            }
        }

        return best is not null && !tie && bestDistance * 4 <= key.Length ? best : null;
    }

    private static string Key(string name) => Names.Normalize(name);

    /// <summary>"一、" "(一)" "1." "1、" "(1)" at the start of a printed name.</summary>
    public static string StripNumbering(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var t = Names.Normalize(printed);
        if (t.Length > 0 && t[0] == '(')
        {
            var close = t.IndexOf(')', StringComparison.Ordinal);
            if (close is > 0 and < 6 && IsNumeral(t.AsSpan(1, close - 1)))
            {
                return t[(close + 1)..];
            }
        }

        var i = 0;
        while (i < t.Length && (char.IsAsciiDigit(t[i]) || IsChineseNumeral(t[i])))
        {
            i++;
        }

        return i > 0 && i < t.Length && t[i] is '、' or '.' or ',' ? t[(i + 1)..] : t;
    }

    private static bool IsNumeral(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && !IsChineseNumeral(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static bool IsChineseNumeral(char c) => "一二三四五六七八九十".Contains(c, StringComparison.Ordinal);

    /// <summary>Levenshtein distance (names are short).</summary>
    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
