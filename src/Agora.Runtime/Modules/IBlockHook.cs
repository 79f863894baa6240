using Agora.Protocol.Events;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules;

/// <summary>A module's per-block work, run in the fixed order of its runtime version (see <see cref="RuntimeRules"/>).</summary>
public interface IBlockHook
{
    /// <summary>Runs before the block's transactions.</summary>
    void OnInitialize(BlockContext context, StateOverlay state, ICollection<RuntimeEvent> events);

    /// <summary>Runs after the block's transactions; nothing by default.</summary>
    void OnFinalize(BlockContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
    }
}
