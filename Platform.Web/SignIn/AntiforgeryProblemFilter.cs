using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Platform.Web.Pages;

namespace Platform.Web.SignIn;

/// <summary>A page's form posted without its antiforgery token gets the same ProblemDetails as web's endpoints
/// (<see cref="SignInEndpoints.FormRefused"/>), not MVC's bare 400 that does not say why.</summary>
internal sealed class AntiforgeryProblemFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new HttpResultAction(SignInEndpoints.FormRefused());
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
