namespace Agora.Storage.Tests.Stores;

public sealed class MemoryStoreContractTests : KeyValueStoreContract
{
    private readonly MemoryStore _store = new();

    protected override IKeyValueStore Store => _store;

    public override void Dispose() => _store.Dispose();
}
