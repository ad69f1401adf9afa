// Runs the AWS CDK CLI inside this process, with the stack parameters' values read from standard input (a JSON
// object), so that no value, NoEcho ones included, is ever on a command line: `ps` shows those to everyone on the machine.
// Usage: node deploy.js <the aws-cdk package folder> <cdk arguments...>   (standard input: {"Name": "value", ...})
'use strict';
const path = require('node:path');

const [cliPackage, ...args] = process.argv.slice(2);
const chunks = [];
process.stdin.on('data', chunk => chunks.push(chunk));
process.stdin.on('end', () => {
  const values = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  for (const [name, value] of Object.entries(values)) {
    args.push('--parameters', `${name}=${value}`);
  }
  require(path.join(cliPackage, 'lib')).cli(args);
});
