using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Alarms;

/// <summary>
/// The stack's alarms, all sent to one SNS topic (the settings' <c>alarmEmail</c> is subscribed to it), and one
/// CloudWatch dashboard whose rows the resources add as they are made: the SLA per service, the queue, the database,
/// the cache. The monthly budget alerts through the same topic.
/// </summary>
internal sealed class Monitoring(DeploymentContext context)
{
    private readonly List<(DashboardSection Section, IWidget[] Widgets)> _rows = [];
    private Topic? _topic;

    public Topic Topic => _topic ??= CreateTopic();

    /// <summary>An alarm of <paramref name="owner"/>'s, named <c>{stack}-{resource}-{what}</c>, that notifies the topic when it fires and when it clears.</summary>
    public Alarm Alarm(MappedResource owner, string what, IMetric metric, double threshold, string description, AlarmShape? shape = null)
    {
        shape ??= AlarmShape.Sustained;
        var alarm = new Alarm(owner, LogicalIds.Of(owner.Resource) + LogicalIds.Of(what) + "Alarm", new AlarmProps
        {
            AlarmName = $"{context.Settings.StackName}-{owner.Resource}-{what}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = shape.Comparison,
            EvaluationPeriods = shape.EvaluationPeriods,
            DatapointsToAlarm = shape.DatapointsToAlarm,
            // No data is no traffic (or an idle target group), which breaks no threshold.
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(new SnsAction(Topic));
        alarm.AddOkAction(new SnsAction(Topic));
        return alarm;
    }

    public void AddRow(DashboardSection section, string title, params IWidget[] widgets) =>
        _rows.Add((section, [new TextWidget(new TextWidgetProps { Markdown = $"## {title}", Width = 24, Height = 1 }), .. widgets]));

    /// <summary>Makes the dashboard and the budget, once every resource has added its row.</summary>
    public void Complete()
    {
        var dashboard = new Dashboard(context.Stack, "Dashboard", new DashboardProps { DashboardName = $"{context.Settings.StackName}-operations" });
        foreach (var row in _rows.OrderBy(r => r.Section))
        {
            dashboard.AddWidgets(row.Widgets);
        }
        MonthlyBudget.Create(context, Topic);
    }

    private Topic CreateTopic()
    {
        var topic = new Topic(context.Stack, "AlarmTopic", new TopicProps { DisplayName = $"{context.Settings.StackName} alarms", EnforceSSL = true });
        if (context.Settings.AlarmEmail is { } email)
        {
            topic.AddSubscription(new EmailSubscription(email));
        }
        // A topic policy replaces SNS's default one: CloudWatch alarms and AWS Budgets of this account may publish, no one
        // else, and only over TLS (EnforceSSL denies every request without aws:SecureTransport).
        foreach (var service in new[] { "cloudwatch.amazonaws.com", "budgets.amazonaws.com" })
        {
            topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Principals = [new ServicePrincipal(service)],
                Actions = ["sns:Publish"],
                Resources = [topic.TopicArn],
                Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Amazon.CDK.Aws.ACCOUNT_ID } },
            }));
        }
        return topic;
    }
}
