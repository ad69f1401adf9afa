using Microsoft.AspNetCore.Mvc.Filters;

namespace Platform.Web.Pages;

/// <summary>
/// A request with a method no handler of the page takes (a POST to a page that only shows, or a handler name it does not
/// have) is a 405 ProblemDetails. Razor Pages would otherwise render the page without running any handler, and the
/// page, never loaded, failed with a 500 (found by the fuzz suite: <c>POST /assets/%2E%2E?handler=Job</c>, which is
/// <c>POST /?handler=Job</c>).
/// </summary>
internal sealed class NoHandlerProblemFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.HttpContext.Response.Headers.Allow = "GET, HEAD";
            context.Result = new HttpResultAction(Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"This page takes no {context.HttpContext.Request.Method} here: it only shows (GET), or its form names another handler."));
            return;
        }
        await next();
    }
}
