using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Platform.Web.SignIn;

/// <summary>A page's form posted without its antiforgery token gets the same ProblemDetails as web's endpoints
/// (<see cref="SignInEndpoints.FormRefused"/>), not MVC's bare 400 that does not say why.</summary>
internal sealed class AntiforgeryProblemFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ExecutedResult(SignInEndpoints.FormRefused());
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private sealed class ExecutedResult(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
