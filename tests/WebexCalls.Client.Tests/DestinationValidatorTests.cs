using Xunit;

namespace WebexCalls.Client.Tests;

public class DestinationValidatorTests
{
    [Theory]
    [InlineData("1234", "1234")]
    [InlineData("2223334444", "2223334444")]
    [InlineData("+12223334444", "+12223334444")]
    [InlineData("*73", "*73")]
    [InlineData("#31#", "#31#")]
    [InlineData("tel:+12223334444", "tel:+12223334444")]
    [InlineData("user@company.domain", "user@company.domain")]
    [InlineData("sip:user@company.domain", "sip:user@company.domain")]
    [InlineData("sip:user@company.domain:5061", "sip:user@company.domain:5061")]
    [InlineData("jane.doe+calls@example.co.uk", "jane.doe+calls@example.co.uk")]
    // The usual ways people write phone numbers: accepted, and sent without the separators.
    [InlineData("+1 (408) 555-0100", "+14085550100")]
    [InlineData("408-555-0100", "4085550100")]
    [InlineData("408.555.0100", "4085550100")]
    [InlineData("+1 408 555 0100", "+14085550100")]
    [InlineData("(408) 555 0100", "4085550100")]
    [InlineData("tel:+1 408-555-0100", "tel:+14085550100")]
    [InlineData("  1234  ", "1234")]
    public void The_specs_forms_and_written_phone_numbers_are_accepted_and_normalised(string destination, string sent)
    {
        Assert.True(DestinationValidator.IsValid(destination));
        Assert.Equal(sent, DestinationValidator.Normalize(destination));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("call me")]
    [InlineData("12+34")]
    [InlineData("tel:")]
    [InlineData("sip:nobody")]
    [InlineData("@example.com")]
    [InlineData("-@clear")]
    [InlineData("user@localhost")]
    [InlineData("user@-bad.com")]
    [InlineData("http://example.com")]
    [InlineData("---")]
    [InlineData("()")]
    [InlineData("408 555 0100 ext 12")]
    public void Anything_else_is_refused(string? destination)
    {
        Assert.False(DestinationValidator.IsValid(destination));
        Assert.Contains("tel:+14085550100", DestinationValidator.Describe(destination));
    }
}

/// <summary>Destinations have a length: the spec sets none, so a number is capped at 32 characters and a URI at 256.</summary>
public class DestinationLengthTests
{
    [Fact]
    public void A_number_up_to_32_characters_is_dialled_and_one_longer_is_refused_saying_why()
    {
        Assert.True(DestinationValidator.IsValid("+" + new string('1', 31)));
        Assert.True(DestinationValidator.IsValid("+1 (408) 555-0100 1234567890123456"));
        Assert.False(DestinationValidator.IsValid("+" + new string('1', 32)));
        var described = DestinationValidator.Describe(new string('1', 10000));
        Assert.Contains("10000 characters long, more than the 32 a number may have", described);
        Assert.True(described.Length < 300, "a 10,000-digit destination is quoted short");
    }

    [Fact]
    public void A_uri_up_to_256_characters_is_dialled_and_one_longer_is_refused()
    {
        var host = "@example.com";
        Assert.True(DestinationValidator.IsValid("sip:" + new string('a', 256 - 4 - host.Length) + host));
        Assert.False(DestinationValidator.IsValid("sip:" + new string('a', 257 - 4 - host.Length) + host));
    }
}
