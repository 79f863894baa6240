using System.Text;
using System.Text.Json;
using Agora.Cli.Commands.Sim;
using CsCheck;

namespace Agora.Yuma.Tests;

public sealed class BondRowTextTests
{
    [Theory]
    [InlineData(new int[0], new ushort[0], "[0,0,0,0]")]
    [InlineData(new[] { 0 }, new ushort[] { 7 }, "[7,0,0,0]")]
    [InlineData(new[] { 3 }, new ushort[] { 65535 }, "[0,0,0,65535]")]
    [InlineData(new[] { 0, 1, 2, 3 }, new ushort[] { 1, 22, 333, 65535 }, "[1,22,333,65535]")]
    [InlineData(new[] { 1, 2 }, new ushort[] { 10, 9 }, "[0,10,9,0]")]
    public void A_row_is_its_dense_json_array(int[] columns, ushort[] values, string expected)
    {
        var text = new BondRowText(4);
        Assert.Equal(expected, Encoding.UTF8.GetString(text.Format(columns, values)));
    }

    [Fact]
    public void Rows_of_any_size_equal_the_serialised_dense_arrays()
    {
        // Random sparse rows of 1..300 entries; the same formatter serves row after row.
        var rows = Gen.Int[1, 300].SelectMany(size => Gen.UShort.Array[size].Select(dense => (size, dense)));
        rows.Sample(row =>
        {
            var (size, dense) = row;
            for (var k = 0; k < size; k++)
            {
                dense[k] = k % 3 == 0 ? (ushort)0 : dense[k];
            }

            var columns = Enumerable.Range(0, size).Where(k => dense[k] != 0).ToArray();
            var values = columns.Select(k => dense[k]).ToArray();
            var text = new BondRowText(size);
            Assert.Equal(JsonSerializer.Serialize(dense.Select(value => (int)value)), Encoding.UTF8.GetString(text.Format(columns, values)));
            Assert.Equal(JsonSerializer.Serialize(new int[size]), Encoding.UTF8.GetString(text.Format([], [])));
        }, iter: 2000);
    }
}
