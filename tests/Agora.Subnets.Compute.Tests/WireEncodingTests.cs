using System.Text.Json;
using Xunit.Abstractions;

namespace Agora.Subnets.Compute.Tests;

public sealed class WireEncodingTests(ITestOutputHelper output)
{
    [Fact]
    public void A_request_round_trips_through_json_with_snake_case_fields_and_base64_data()
    {
        var request = new MatrixTaskGenerator(2).Generate(77, new MatrixShape(3, 2, 4));

        var json = JsonSerializer.Serialize(request);
        var back = JsonSerializer.Deserialize<MatrixProductRequest>(json)!;

        Assert.StartsWith("""{"task_id":77,"a":{"rows":3,"cols":2,"data":""", json, StringComparison.Ordinal);
        Assert.Equal(77UL, back.TaskId);
        Assert.True(back.A.ContentEquals(request.A));
        Assert.True(back.B.ContentEquals(request.B));
    }

    [Fact]
    public void Data_is_the_entries_as_little_endian_u32s()
    {
        var response = new MatrixProductResponse(9, FieldMatrix.Create(1, 2, [1, 0x01020304]));

        var json = JsonSerializer.Serialize(response);

        // 01 00 00 00 04 03 02 01
        Assert.Equal("""{"task_id":9,"c":{"rows":1,"cols":2,"data":"AQAAAAQDAgE="}}""", json);
    }

    [Fact]
    public void A_matrix_may_be_sent_as_an_array_of_numbers_instead()
    {
        var matrix = JsonSerializer.Deserialize<FieldMatrix>("""{"rows":2,"cols":2,"entries":[1,2,3,4]}""")!;

        Assert.Equal([1u, 2, 3, 4], matrix.Entries.ToArray());
    }

    [Theory]
    [InlineData("""{"rows":2,"cols":2,"data":"AQAAAA=="}""", "has 4 entries, but its data holds 1")]
    [InlineData("""{"rows":1,"cols":1,"data":"AQAA"}""", "not a whole number of u32s")]
    [InlineData("""{"rows":1,"cols":1,"data":"AQAAAA==","entries":[1]}""", "not both")]
    [InlineData("""{"cols":1,"data":"AQAAAA=="}""", "needs \"rows\" and \"cols\"")]
    [InlineData("""{"rows":-1,"cols":1}""", "zero or more")]
    [InlineData("""{"rows":1000000,"cols":1000000,"data":""}""", "has 1000000000000 entries, but its data holds 0")]
    [InlineData("[1]", "is an object")]
    public void A_malformed_matrix_is_refused_saying_what_to_send(string json, string expected)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FieldMatrix>(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64_data_is_about_half_the_size_of_a_number_array()
    {
        // Given a 256×256 product of residues uniform mod p
        var request = new MatrixTaskGenerator(3).Generate(1, MatrixShape.Square(256));
        var c = MatrixMultiplier.Multiply(request.A, request.B);

        // When written both ways
        var base64 = JsonSerializer.SerializeToUtf8Bytes(c).Length;
        var numbers = JsonSerializer.SerializeToUtf8Bytes(new { rows = c.Rows, cols = c.Cols, entries = c.Entries.ToArray() }).Length;
        output.WriteLine($"256×256: base64 {base64} bytes, number array {numbers} bytes, {(double)numbers / base64:F2}×");

        // Then base64 is 4/3 bytes per byte (16/3 per entry), the array about 10.5 (9.5 digits and a comma)
        Assert.InRange(base64, 4 * 65_536 * 4 / 3, (4 * 65_536 * 4 / 3) + 64);
        Assert.True(numbers > 1.9 * base64, $"{numbers} vs {base64}");
    }
}
