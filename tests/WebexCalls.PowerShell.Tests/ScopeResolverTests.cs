using System;
using System.Linq;
using WebexCalls.Commands;
using Xunit;

namespace WebexCalls.PowerShell.Tests;

/// <summary>The one rule for whose calls a cmdlet acts on: the same answer for every cmdlet (issue 16).</summary>
public sealed class ScopeResolverTests
{
    [Fact]
    public void No_member_is_the_user_or_the_line()
    {
        Assert.Equal(CallScope.User, Assert.Single(ScopeResolver.Resolve(null, null, null, OwnerRules.One, "Get-WebexCall")));
        Assert.Equal("line-1", Assert.Single(ScopeResolver.Resolve(new[] { "", null! }, "", "line-1", OwnerRules.One, "Get-WebexCall")).LineOwnerId);
    }

    [Fact]
    public void Members_keep_their_order_without_blanks_or_repeats_and_carry_the_organisation()
    {
        var scopes = ScopeResolver.Resolve(new[] { "m2", "", "m1", "m2" }, "org", null, OwnerRules.ManyMembers, "Get-WebexCall");
        Assert.Equal(new[] { "m2", "m1" }, scopes.Select(scope => scope.MemberId));
        Assert.All(scopes, scope => Assert.Equal("org", scope.OrgId));
    }

    [Theory]
    [InlineData(null, "org", null, (int)OwnerRules.ManyMembers, "OrgId", "-OrgId names the organisation of a member")]
    [InlineData("m1", null, "line", (int)OwnerRules.One, "LineOwnerId", "-LineOwnerId is not for a member")]
    [InlineData(null, null, "line", (int)(OwnerRules.ManyMembers | OwnerRules.NoLine), "LineOwnerId", "has no secondary-line form")]
    [InlineData(null, null, null, (int)(OwnerRules.ManyMembers | OwnerRules.MemberOnly), "MemberId", "is for members only")]
    [InlineData("m1,m2", null, null, (int)OwnerRules.One, "MemberId", "one member at a time")]
    public void A_contradiction_is_refused_naming_the_parameter(string? members, string? org, string? line, int rules, string parameter, string says)
    {
        var ex = Assert.Throws<ArgumentException>(() => ScopeResolver.Resolve(members?.Split(','), org, line, (OwnerRules)rules, "Some-Cmdlet"));
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
    }
}
