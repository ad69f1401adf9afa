// Checks CloudFormation templates as a new user of the current AWS CDK would before a first deploy: each template is
// included whole in a CDK app (CfnInclude), whose synthesis validates every resource against CloudFormation's registry
// schemas and rules (patterns, deprecated runtimes: the "CloudFormation Validate" plugin) and runs cdk-nag's
// AwsSolutions and NIST 800-53 rev 5 packs; all of it lands in the app's policy-validation report. One process for every
// template: the validation engine takes seconds to start.
// Usage: node validate.js <template.json>... Prints JSON: { "<template path>": [{ plugin, rule, severity, description, resources: [logical IDs] }] }.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { App, Stack, LegacyStackSynthesizer, Validations } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks, NIST80053R5Checks } = require('cdk-nag');

function validate(templatePath) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-cdk-nag-'));
  try {
    const app = new App({
      outdir,
      context: {
        // Report, do not throw, and keep the CloudFormation rules' errors as errors.
        '@aws-cdk/core:failSynthOnValidationErrors': false,
        '@aws-cdk/core:validateAgainstDefaultRules': true,
      },
    });
    // No bootstrap version parameter or metadata of its own: the included template is the whole stack.
    const stack = new Stack(app, 'Included', { synthesizer: new LegacyStackSynthesizer(), analyticsReporting: false });
    new CfnInclude(stack, 'Template', { templateFile: templatePath });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
    app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    return report.pluginReports.flatMap(plugin => plugin.violations.map(v => ({
      plugin: plugin.pluginName,
      rule: v.ruleName,
      severity: v.severity,
      description: v.description,
      resources: v.violatingConstructs.map(c => c.cloudFormationResource?.logicalId ?? c.constructPath.split('/').pop()).sort(),
    })));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const results = {};
for (const templatePath of process.argv.slice(2)) results[templatePath] = validate(templatePath);
process.stdout.write(JSON.stringify(results));
