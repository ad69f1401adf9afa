using Microsoft.AspNetCore.Mvc;

namespace Platform.Web.Pages;

/// <summary>A minimal-API result (such as <c>Results.Problem</c>) run as a page's result, so that a page's refusals are
/// written as web's endpoints write their ProblemDetails.</summary>
internal sealed class HttpResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
