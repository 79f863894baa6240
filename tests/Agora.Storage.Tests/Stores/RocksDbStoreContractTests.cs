using Agora.Storage.RocksDb;
using Agora.Storage.Tests.Support;

namespace Agora.Storage.Tests.Stores;

public sealed class RocksDbStoreContractTests : KeyValueStoreContract
{
    private readonly TempDirectory _directory = new();
    private readonly RocksDbStore _store;

    public RocksDbStoreContractTests()
    {
        _store = RocksDbStore.Open(_directory.Path);
    }

    protected override IKeyValueStore Store => _store;

    public override void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }
}
