using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>How an equation came out.</summary>
public enum Outcome
{
    /// <summary>Exactly.</summary>
    Holds,

    /// <summary>Off by no more than the rounding its printed terms can cause.</summary>
    Rounding,

    /// <summary>Off by more than rounding explains.</summary>
    Fails,
}

/// <summary>A printed number in an equation, with the factor that brings it to the equation's unit (negative on the right side).</summary>
internal readonly record struct Term(Cell Cell, decimal Coef);

/// <summary>
/// One arithmetic check over printed cells: left = right (or left ≤ right), evaluated exactly in the unit of its left
/// side. Its tolerance is the rounding each printed term can cause: half a unit of its last printed digit, converted to
/// the equation's unit. Reported at its first left cell (the printed figure the rule recomputes) unless a place is given.
/// </summary>
internal sealed class Equation
{
    private readonly List<Term> _terms = [];

    public Equation(string check, decimal toWan, Func<string> what, bool atMost = false)
    {
        Check = check;
        ToWan = toWan;
        What = what;
        AtMost = atMost;
    }

    public string Check { get; }

    /// <summary>The factor that brings the equation's unit to 万元.</summary>
    public decimal ToWan { get; }

    /// <summary>What the equation says, for messages ("表3 210 卫生健康支出: total = basic + project").</summary>
    public Func<string> What { get; }

    /// <summary>left ≤ right instead of left = right.</summary>
    public bool AtMost { get; }

    public IReadOnlyList<Term> Terms => _terms;

    /// <summary>Rows a side names but the table does not have (they count as zero): "表5 has no row 21003".</summary>
    public List<string> Missing { get; } = [];

    private readonly List<(string Text, Func<Equation, bool>? Applies)> _doubts = [];

    /// <summary>
    /// Why the tool is unsure it read the equation's figures right (a row key on two rows, rows or columns it could not
    /// read), for the failures they could explain: a part the tool did not read can only make the printed total look too large.
    /// </summary>
    public IEnumerable<string> Doubts => _doubts.Where(d => d.Applies is null || d.Applies(this)).Select(d => d.Text);

    /// <param name="text">The doubt, for messages.</param>
    /// <param name="sign">+1: it explains only a left side larger than the right (a part not read); 0: any difference.</param>
    public void Doubt(string text, int sign = 0) => _doubts.Add((text, sign == 0 ? null : e => Math.Sign(e.Residual) == sign));

    /// <summary>A doubt that explains the difference only when <paramref name="applies"/> says so.</summary>
    public void Doubt(string text, Func<Equation, bool> applies) => _doubts.Add((text, applies));

    /// <summary>Where to report the equation when not at its first left cell (text checks: the text's line, the table compared).</summary>
    public Place? At { get; set; }

    public decimal Left { get; private set; }

    public decimal Right { get; private set; }

    /// <summary>Left − right.</summary>
    public decimal Residual => Left - Right;

    public decimal Tolerance { get; private set; }

    public Outcome Outcome { get; private set; }

    public bool HasLeftCell { get; private set; }

    public Equation AddLeft(Cell cell) => Add(cell, cell.ToWan / ToWan, left: true);

    public Equation AddRight(Cell cell) => Add(cell, -cell.ToWan / ToWan, left: false);

    /// <summary>A part the rule subtracts (年末 = 年初 + 收入 − 支出): kept on the left, so that the figure reported is the first left cell's.</summary>
    public Equation AddSubtracted(Cell cell)
    {
        HasSubtracted = true;
        return Add(cell, cell.ToWan / ToWan, left: true);
    }

    /// <summary>True when the left side holds subtracted parts besides the printed figure the rule recomputes.</summary>
    public bool HasSubtracted { get; private set; }

    /// <summary>The printed figure the rule recomputes and the value the rule gives it (left and right without subtracted parts).</summary>
    public (decimal Actual, decimal Expected) Stated =>
        HasSubtracted && _terms.Count > 0 ? (_terms[0].Cell.Value * _terms[0].Coef, _terms[0].Cell.Value * _terms[0].Coef - Residual) : (Left, Right);

    private Equation Add(Cell cell, decimal coef, bool left)
    {
        _terms.Add(new Term(cell, coef));
        HasLeftCell |= left;
        return this;
    }

    /// <summary>The first cell of the left side, where the equation is reported.</summary>
    public Cell? Anchor => _terms.Count > 0 && _terms[0].Coef > 0 ? _terms[0].Cell : null;

    /// <summary>True when some term prints a number (an equation of empty cells says nothing).</summary>
    public bool AnyPrinted => _terms.Exists(t => t.Cell.Printed is not null);

    /// <summary>The coefficient of a cell in the residual (0 when the equation does not read it).</summary>
    public decimal CoefOf(Cell cell)
    {
        var c = 0m;
        foreach (var t in _terms)
        {
            if (ReferenceEquals(t.Cell, cell))
            {
                c += t.Coef;
            }
        }

        return c;
    }

    public Equation Evaluate()
    {
        decimal left = 0m, right = 0m, tol = 0m;
        foreach (var t in _terms)
        {
            var v = t.Cell.Value * t.Coef;
            if (t.Coef > 0)
            {
                left += v;
            }
            else
            {
                right -= v;
            }

            tol += Math.Abs(t.Coef) * t.Cell.HalfUnit;
        }

        Left = left;
        Right = right;
        Tolerance = tol;
        Outcome = Classify(Residual);
        return this;
    }

    /// <summary>The outcome the equation would have with this residual.</summary>
    public Outcome Classify(decimal residual)
    {
        if (AtMost ? residual <= 0m : residual == 0m)
        {
            return Outcome.Holds;
        }

        return Math.Abs(residual) <= Tolerance ? Outcome.Rounding : Outcome.Fails;
    }

    /// <summary>The residuals that still pass: [−tolerance, tolerance], or (−∞, tolerance] for left ≤ right.</summary>
    public (decimal? Low, decimal High) Band => (AtMost ? null : -Tolerance, Tolerance);

    /// <summary>The place the equation is reported at.</summary>
    public Place Place => At ?? (Anchor is { } a ? Place.Of(a) : _terms.Count > 0 ? Place.Of(_terms[0].Cell) : new Place(null, null, null, null, null));
}

/// <summary>Where a finding points: table, code or row key, column, source line.</summary>
internal sealed record Place(string? TableKey, string? Code, string? RowKey, string? Column, int? Line)
{
    public static Place Of(Cell c) => new(c.TableKey, c.Code, c.RowKey, c.IsText ? null : c.Column, c.Line);

    public Finding Finding(string check, Severity severity, string message, decimal? expected = null, decimal? actual = null) =>
        new(check, severity, message, TableKey, Code, Column, expected, actual, Line) { RowKey = RowKey };
}
