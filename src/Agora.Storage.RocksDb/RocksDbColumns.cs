namespace Agora.Storage.RocksDb;

/// <summary>Column family names on disk. Persisted: never rename.</summary>
public static class RocksDbColumns
{
    /// <summary>The column family that holds <paramref name="column"/>.</summary>
    public static string NameOf(Column column) => column switch
    {
        Column.State => "state",
        Column.StateTree => "state_tree",
        Column.Blocks => "blocks",
        Column.BlockIndex => "block_index",
        Column.Meta => "meta",
        Column.StateValues => "state_values",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "a column without a column family name: add one here (and to the golden test)"),
    };
}
