using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>The values of findings.csv's <c>role</c> column.</summary>
public static class Roles
{
    /// <summary>The printed number that is wrong: changing it alone makes every failed check of its group hold.</summary>
    public const string Culprit = "culprit";

    /// <summary>A check that fails because of its group's culprit.</summary>
    public const string Consequence = "consequence";

    /// <summary>Several printed numbers would each explain the group.</summary>
    public const string Ambiguous = "ambiguous";

    /// <summary>No single printed number explains the group.</summary>
    public const string Unexplained = "unexplained";

    /// <summary>A difference within what rounding the printed figures can cause.</summary>
    public const string Rounding = "rounding";
}

/// <summary>Findings that are not equations: checks that could not be made (<c>incomplete</c>), reported once each.</summary>
internal sealed class Notes
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public List<Finding> Findings { get; } = [];

    public void Incomplete(string check, Place place, string what)
    {
        var message = $"{check} not checked: {what}";
        if (_seen.Add(message))
        {
            Findings.Add(place.Finding(CheckIds.Incomplete, Severity.Info, message));
        }
    }
}
