using TM.Server.Security;
using TM.Server.Web.Calls;

namespace TM.Server.Tests.Web;

public sealed class ServiceCallsTests
{
    [Theory]
    [InlineData("Lookup", AccessRole.Read)]
    [InlineData("UpdateSegment", AccessRole.Write)]
    [InlineData("ImportFile", AccessRole.Write)]
    [InlineData("DeleteMemory", AccessRole.Admin)]
    public void The_role_a_page_needs_is_the_one_the_service_method_names(string method, AccessRole role) =>
        Assert.Equal(role, ServiceCalls.RoleOf(method));

    [Fact]
    public void A_method_the_service_does_not_have_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => ServiceCalls.RoleOf("Lookpu"));
}
