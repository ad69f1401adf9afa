using Platform.Deployment.Aws.CommandLine;

return await DeploymentCommandLine.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
