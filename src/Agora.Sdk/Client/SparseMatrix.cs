namespace Agora.Sdk.Client;

/// <summary>The result of <c>agora_getWeights</c> or <c>agora_getBonds</c>: the non-empty rows at <paramref name="Block"/>.</summary>
/// <param name="Netuid">The subnet.</param>
/// <param name="Block">The block whose state this is.</param>
/// <param name="Rows">The rows that have entries, by uid.</param>
public sealed record SparseMatrix(ushort Netuid, ulong Block, IReadOnlyList<SparseMatrixRow> Rows);

/// <summary>One row of a <see cref="SparseMatrix"/>: the neuron that holds the weights or bonds, and its entries.</summary>
/// <param name="Uid">The row's uid.</param>
/// <param name="Entries">Its entries, ascending by uid.</param>
public sealed record SparseMatrixRow(ushort Uid, IReadOnlyList<UidValue> Entries);
