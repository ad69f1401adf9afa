namespace Platform.Worker.Analysis;

/// <summary>Rows and columns of CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
public sealed class CsvAnalyzer : IContentAnalyzer
{
    private long _rows;
    private int _fieldsInRow = 1;
    private bool _rowHasContent;
    private bool _inQuotes;
    private int? _columns;
    private int _maxColumns;
    private long _irregularRows;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        foreach (var b in chunk)
        {
            if (b == '"')
            {
                // An escaped quote ("") toggles twice.
                _inQuotes = !_inQuotes;
                _rowHasContent = true;
            }
            else if (_inQuotes)
            {
                _rowHasContent = true;
            }
            else if (b == ',')
            {
                _fieldsInRow++;
                _rowHasContent = true;
            }
            else if (b == '\n')
            {
                EndRow();
            }
            else if (b != '\r')
            {
                _rowHasContent = true;
            }
        }
    }

    public IReadOnlyDictionary<string, object> Facts()
    {
        EndRow();
        return new Dictionary<string, object>
        {
            ["kind"] = "csv",
            // The first row is taken as the header.
            ["rows"] = Math.Max(0, _rows - 1),
            ["columns"] = _columns ?? 0,
            ["maxColumns"] = _maxColumns,
            ["irregularRows"] = _irregularRows,
        };
    }

    private void EndRow()
    {
        if (_rowHasContent)
        {
            _rows++;
            _columns ??= _fieldsInRow;
            _maxColumns = Math.Max(_maxColumns, _fieldsInRow);
            if (_fieldsInRow != _columns)
            {
                _irregularRows++;
            }
        }
        _fieldsInRow = 1;
        _rowHasContent = false;
    }
}
