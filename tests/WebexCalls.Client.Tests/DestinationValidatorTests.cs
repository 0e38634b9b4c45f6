using Xunit;

namespace WebexCalls.Client.Tests;

public class DestinationValidatorTests
{
    [Theory]
    [InlineData("1234")]
    [InlineData("2223334444")]
    [InlineData("+12223334444")]
    [InlineData("*73")]
    [InlineData("#31#")]
    [InlineData("tel:+12223334444")]
    [InlineData("user@company.domain")]
    [InlineData("sip:user@company.domain")]
    [InlineData("sip:user@company.domain:5061")]
    public void The_specs_forms_are_accepted(string destination) => Assert.True(DestinationValidator.IsValid(destination));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("call me")]
    [InlineData("+1 408 555 0100")]
    [InlineData("12+34")]
    [InlineData("tel:")]
    [InlineData("sip:nobody")]
    [InlineData("@example.com")]
    [InlineData("http://example.com")]
    public void Anything_else_is_refused(string? destination)
    {
        Assert.False(DestinationValidator.IsValid(destination));
        Assert.Contains("tel:+14085550100", DestinationValidator.Describe(destination));
    }
}
