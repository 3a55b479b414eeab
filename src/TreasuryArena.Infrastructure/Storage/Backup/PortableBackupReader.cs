using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>Reads the rows of a portable backup file (<see cref="PortableBackupFile"/>) in the header's table order.</summary>
internal sealed class PortableBackupReader : IBackupRowSource
{
    private readonly string _path;
    private readonly StreamReader _reader;

    public PortableBackupReader(string path, PortableBackupHeader header)
    {
        _path = path;
        Tables = header.Tables;
        _reader = new StreamReader(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, BufferSize = 1 << 16 });
        _ = _reader.ReadLine();
    }

    public IReadOnlyList<BackupTable> Tables { get; }

    public async IAsyncEnumerable<object?[]> RowsAsync(BackupTable table, [EnumeratorCancellation] CancellationToken ct)
    {
        var marker = await _reader.ReadLineAsync(ct);
        if (marker is null || ReadTableName(marker) != table.Name)
        {
            throw PortableBackupFile.Invalid(_path, $"table {table.Name} does not start where the header says");
        }

        for (long n = 0; n < table.Rows; n++)
        {
            var line = await _reader.ReadLineAsync(ct) ?? throw PortableBackupFile.Invalid(_path, $"table {table.Name} ends after {n} of {table.Rows} rows");
            yield return Parse(table, line);
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }

    private string? ReadTableName(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("table", out var t) ? t.GetString() : null;
        }
        catch (JsonException ex)
        {
            throw PortableBackupFile.Invalid(_path, ex.Message);
        }
    }

    private object?[] Parse(BackupTable table, string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var row = doc.RootElement;
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != table.Columns.Count)
            {
                throw PortableBackupFile.Invalid(_path, $"a row of {table.Name} does not have its {table.Columns.Count} columns");
            }

            var values = new object?[table.Columns.Count];
            var i = 0;
            foreach (var v in row.EnumerateArray())
            {
                values[i] = v.ValueKind == JsonValueKind.Null ? null : table.Columns[i].Kind switch
                {
                    BackupColumnKind.Integer => v.GetInt64(),
                    BackupColumnKind.Text => v.GetString(),
                    BackupColumnKind.Instant => new DateTimeOffset(DateTime.ParseExact(
                        v.GetString()!, PortableBackupFile.InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)),
                    BackupColumnKind.Date => DateOnly.ParseExact(v.GetString()!, PortableBackupFile.DateFormat, CultureInfo.InvariantCulture),
                    BackupColumnKind.Real => v.GetDouble(),
                    _ => throw new InvalidOperationException("unknown column kind"),
                };
                i++;
            }

            return values;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw PortableBackupFile.Invalid(_path, $"a row of {table.Name}: {ex.Message}");
        }
    }
}
