namespace DisclosureExtract.Tables;

/// <summary>
/// A few values keyed by column, in the order first set (as a dictionary that is only added to enumerates them):
/// the hints of one row name one to a dozen columns, too few for a hash table of their own.
/// </summary>
internal sealed class PerColumn<T>
{
    private (string Column, T Value)[] _items = new (string, T)[2];

    public int Count { get; private set; }

    public (string Column, T Value) this[int index] => index < Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The value of a column; <paramref name="fallback"/> when it has none.</summary>
    public T Get(string column, T fallback)
    {
        var i = IndexOf(column);
        return i < 0 ? fallback : _items[i].Value;
    }

    /// <summary>Sets a column's value (in place when it has one, else last).</summary>
    public void Set(string column, T value)
    {
        var i = IndexOf(column);
        if (i >= 0)
        {
            _items[i] = (column, value);
            return;
        }

        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        _items[Count++] = (column, value);
    }

    private int IndexOf(string column)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_items[i].Column, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
