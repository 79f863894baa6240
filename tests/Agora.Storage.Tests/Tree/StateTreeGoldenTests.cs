using System.Text;
using Agora.Storage.RocksDb;
using Agora.Storage.Tests.Support;
using Agora.Storage.Tree;

namespace Agora.Storage.Tests.Tree;

/// <summary>Frozen persisted formats: a change here breaks every existing database and every light client.</summary>
public sealed class StateTreeGoldenTests
{
    [Fact]
    public void Node_encodings_and_hashes_are_frozen()
    {
        var path = TreeHashing.PathOf(Bytes.Utf8("alice"));
        var valueHash = TreeHashing.ValueHashOf(Bytes.Utf8("100"));
        var leaf = TreeHashing.Encode(TreeNodeTag.Leaf, path, valueHash);
        var branch = TreeHashing.Encode(TreeNodeTag.Branch, new byte[32], TreeHashing.HashNode(TreeNodeTag.Leaf, path, valueHash));

        var text = new StringBuilder()
            .AppendLine($"tag.leaf = {(byte)TreeNodeTag.Leaf}")
            .AppendLine($"tag.branch = {(byte)TreeNodeTag.Branch}")
            .AppendLine($"path(\"alice\") = {Bytes.Hex(path)}")
            .AppendLine($"valueHash(\"100\") = {Bytes.Hex(valueHash)}")
            .AppendLine($"leaf.encoding = {Bytes.Hex(leaf)}")
            .AppendLine($"leaf.hash = {Bytes.Hex(TreeHashing.HashNode(TreeNodeTag.Leaf, path, valueHash))}")
            .AppendLine($"branch(empty, leaf).encoding = {Bytes.Hex(branch)}")
            .AppendLine($"branch(empty, leaf).hash = {Bytes.Hex(TreeHashing.HashNode(TreeNodeTag.Branch, new byte[32], TreeHashing.HashNode(TreeNodeTag.Leaf, path, valueHash)))}")
            .ToString();

        Golden.Verify("tree_nodes", text);
    }

    [Fact]
    public void Roots_and_proofs_of_a_small_fixed_state_are_frozen()
    {
        using var model = new StateModel();
        var text = new StringBuilder().AppendLine($"root(empty) = {model.State.Root}");
        string[] names = ["alice", "bob", "carol", "dave", "eve", "frank", "grace", "heidi"];

        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var root = model.Commit(StateChange.Put(Bytes.Utf8("balance/" + name), BitConverter.GetBytes((long)(i + 1) * 1_000_000_000)));
            text.AppendLine($"root(+{name}) = {root}");
        }

        text.AppendLine($"root(-bob) = {model.Commit(StateChange.Delete(Bytes.Utf8("balance/bob")))}")
            .AppendLine($"proof(balance/alice) = {Bytes.Hex(model.State.Prove(Bytes.Utf8("balance/alice")).Encode())}")
            .AppendLine($"proof(balance/bob, absent) = {Bytes.Hex(model.State.Prove(Bytes.Utf8("balance/bob")).Encode())}");

        Golden.Verify("tree_roots", text.ToString());
    }

    [Fact]
    public void Storage_names_and_numbers_on_disk_are_frozen()
    {
        var text = new StringBuilder();
        foreach (var column in Enum.GetValues<Column>())
        {
            text.AppendLine($"column {column} = {(byte)column}, family \"{RocksDbColumns.NameOf(column)}\"");
        }

        text.AppendLine($"meta key state root = \"{Encoding.ASCII.GetString(MetaKeys.StateRoot)}\"");

        Golden.Verify("storage_layout", text.ToString());
    }
}
