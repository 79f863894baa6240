namespace Agora.Storage.Tree;

/// <summary>
/// Recently read or written tree nodes by hash, so that a block does not fetch the upper levels of the tree from the
/// store again. Nodes are content-addressed and immutable, so an entry never goes stale. Two generations: when the
/// current one is full it becomes the previous one, and entries used again move back to the current one.
/// Thread-safe.
/// </summary>
internal sealed class TreeNodeCache(int nodeCountMax)
{
    private readonly Lock _lock = new();
    private Dictionary<byte[], TreeNode> _current = new(ByteOrder.Instance);
    private Dictionary<byte[], TreeNode> _previous = new(ByteOrder.Instance);

    public bool TryGet(byte[] hash, out TreeNode node)
    {
        if (nodeCountMax == 0)
        {
            node = default;
            return false;
        }

        lock (_lock)
        {
            if (_current.TryGetValue(hash, out node))
            {
                return true;
            }

            if (_previous.Remove(hash, out node))
            {
                AddLocked(node);
                return true;
            }

            return false;
        }
    }

    public void Add(TreeNode node)
    {
        if (nodeCountMax == 0)
        {
            return;
        }

        lock (_lock)
        {
            AddLocked(node);
        }
    }

    private void AddLocked(TreeNode node)
    {
        if (_current.Count >= nodeCountMax / 2)
        {
            _previous = _current;
            _current = new Dictionary<byte[], TreeNode>(ByteOrder.Instance);
        }

        _current[node.Hash] = node;
    }
}
