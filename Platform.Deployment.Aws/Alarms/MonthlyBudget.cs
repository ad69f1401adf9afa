using Amazon.CDK.AWS.Budgets;
using Amazon.CDK.AWS.SNS;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Alarms;

/// <summary>
/// An AWS Budgets cost budget of <c>monthlyBudgetUsd</c>, alerting the alarm topic when the month's actual cost passes
/// 80 % and when its forecast passes 100 %. It covers the account's whole cost: a filter on the stack's tag would
/// match nothing until that tag is activated for cost allocation, which CloudFormation cannot do.
/// </summary>
internal static class MonthlyBudget
{
    public static void Create(DeploymentContext context, ITopic topic) => new CfnBudget(context.Stack, "MonthlyBudget", new CfnBudgetProps
    {
        Budget = new CfnBudget.BudgetDataProperty
        {
            BudgetName = $"{context.Settings.StackName}-monthly",
            BudgetType = "COST",
            TimeUnit = "MONTHLY",
            BudgetLimit = new CfnBudget.SpendProperty { Amount = context.Settings.MonthlyBudgetUsd, Unit = "USD" },
        },
        NotificationsWithSubscribers = new object[]
        {
            Notification("ACTUAL", 80, topic),
            Notification("FORECASTED", 100, topic),
        },
    });

    private static CfnBudget.NotificationWithSubscribersProperty Notification(string type, double percent, ITopic topic) => new()
    {
        Notification = new CfnBudget.NotificationProperty
        {
            NotificationType = type,
            ComparisonOperator = "GREATER_THAN",
            Threshold = percent,
            ThresholdType = "PERCENTAGE",
        },
        Subscribers = new object[] { new CfnBudget.SubscriberProperty { SubscriptionType = "SNS", Address = topic.TopicArn } },
    };
}
