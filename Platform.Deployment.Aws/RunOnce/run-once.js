// CloudFormation custom resource: runs a one-off ECS task (a migration) and succeeds only when its container
// exits with code 0, so that the services that wait for it are created or updated after it, and not at all if it fails.
const https = require('https');
const { ECSClient, RunTaskCommand, DescribeTasksCommand } = require('@aws-sdk/client-ecs');
const ecs = new ECSClient({});

exports.handler = async (event, context) => {
  let status = 'SUCCESS', reason = 'completed';
  try {
    if (event.RequestType !== 'Delete') await run(event.ResourceProperties, context);
  } catch (e) {
    status = 'FAILED';
    reason = `${e.message || e} (log stream: ${context.logStreamName})`.slice(0, 3000);
  }
  await respond(event, status, reason);
};

async function run(p, context) {
  const started = await ecs.send(new RunTaskCommand({
    cluster: p.Cluster, taskDefinition: p.TaskDefinition, launchType: 'FARGATE', startedBy: 'cloudformation',
    networkConfiguration: { awsvpcConfiguration: { subnets: p.Subnets, securityGroups: p.SecurityGroups, assignPublicIp: 'DISABLED' } },
  }));
  if (!started.tasks?.length) throw new Error(`${p.Container} did not start: ${JSON.stringify(started.failures)}`);
  const arn = started.tasks[0].taskArn;
  while (context.getRemainingTimeInMillis() > 30000) {
    await new Promise(r => setTimeout(r, 10000));
    const task = (await ecs.send(new DescribeTasksCommand({ cluster: p.Cluster, tasks: [arn] }))).tasks[0];
    if (task.lastStatus !== 'STOPPED') continue;
    const container = task.containers.find(c => c.name === p.Container);
    if (container?.exitCode === 0) return;
    throw new Error(`${p.Container} failed: exit code ${container?.exitCode}, ${container?.reason || task.stoppedReason} (task ${arn})`);
  }
  throw new Error(`${p.Container} did not finish in time (task ${arn})`);
}

function respond(event, status, reason) {
  const body = JSON.stringify({
    Status: status, Reason: reason, PhysicalResourceId: event.PhysicalResourceId || event.LogicalResourceId,
    StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId,
  });
  return new Promise((resolve, reject) => {
    const request = https.request(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } }, resolve);
    request.on('error', reject);
    request.end(body);
  });
}
