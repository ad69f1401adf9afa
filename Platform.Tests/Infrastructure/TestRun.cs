using System.Reflection;
using Platform.Deployment.Aws.Synthesis;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Platform.Tests.Infrastructure.TestRun", "Platform.Tests")]

namespace Platform.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, plus an end to the run: what the whole run shared is released before the test host is
/// torn down (which does not wait for the process-exit handlers that would otherwise do it).
/// </summary>
public sealed class TestRun(IMessageSink diagnosticMessageSink) : XunitTestFramework(diagnosticMessageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            // The CDK's Node.js process and the 65 MB it extracted into the temporary folder.
            JsiiRuntime.Stop();
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
