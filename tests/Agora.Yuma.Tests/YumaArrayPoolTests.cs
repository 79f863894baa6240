namespace Agora.Yuma.Tests;

/// <summary>The test hook that poisons rented arrays, checked on its own so a poisoned run means what it says.</summary>
public sealed class YumaArrayPoolTests
{
    [Fact]
    public void A_poisoned_rent_fills_the_whole_array_with_the_pattern()
    {
        // Given poisoning switched on for this thread
        YumaArrayPool.PoisonOnRent = true;
        try
        {
            // When an array comes back zeroed and is rented again, and another is rented
            var dirty = YumaArrayPool.Rent<int>(100);
            dirty.AsSpan().Clear();
            YumaArrayPool.Return(dirty);
            var ints = YumaArrayPool.Rent<int>(100);
            var longs = YumaArrayPool.Rent<long>(33);

            // Then every element, past the length asked for too, holds the pattern
            Assert.All(ints, value => Assert.Equal(unchecked((int)0xA5A5A5A5), value));
            Assert.All(longs, value => Assert.Equal(unchecked((long)0xA5A5A5A5A5A5A5A5), value));
            YumaArrayPool.Return(ints);
            YumaArrayPool.Return(longs);
        }
        finally
        {
            YumaArrayPool.PoisonOnRent = false;
        }
    }

    [Fact]
    public void Poisoning_is_off_by_default_and_stays_on_the_thread_that_switched_it_on()
    {
        // Given poisoning switched on for this thread
        YumaArrayPool.PoisonOnRent = true;
        try
        {
            // When another thread looks
            var elsewhere = true;
            var thread = new Thread(() => elsewhere = YumaArrayPool.PoisonOnRent);
            thread.Start();
            thread.Join();

            // Then it sees poisoning off, as every thread does until it switches it on
            Assert.False(elsewhere);
            Assert.True(YumaArrayPool.PoisonOnRent);
        }
        finally
        {
            YumaArrayPool.PoisonOnRent = false;
        }
    }
}
