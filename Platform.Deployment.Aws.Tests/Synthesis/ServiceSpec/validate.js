// Checks every resource of a CloudFormation template against the CloudFormation resource schemas, as
// @aws-cdk/aws-service-spec carries them: no unknown type, no unknown property at any depth, every required property
// present, values of the right shape, Fn::GetAtt only of attributes the target's type has. Intrinsic functions (Ref,
// Fn::*) stand for values CloudFormation resolves, so what they return is not checked.
// Usage: node validate.js <template.json>. Prints JSON: { findings: [...], taggable: [logical IDs whose type takes tags] }.
'use strict';
const fs = require('node:fs');
const { loadAwsServiceSpecSync } = require('@aws-cdk/aws-service-spec');

const db = loadAwsServiceSpecSync();
const template = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const resources = template.Resources ?? {};
const findings = [];
const taggable = [];

const isIntrinsic = v => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1
  && (Object.keys(v)[0] === 'Ref' || Object.keys(v)[0].startsWith('Fn::'));
const typeOf = t => db.lookup('resource', 'cloudFormationType', 'equals', t);

// Returns the problems of `value` against `type`, without recording them (a union tries each member).
function check(value, type, path) {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'ref': return object(value, db.get('typeDefinition', type.reference.$ref).properties, path);
    case 'array': return Array.isArray(value) ? value.flatMap((e, i) => check(e, type.element, `${path}[${i}]`)) : [`${path}: expected a list`];
    case 'map': return value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).flatMap(([k, e]) => check(e, type.element, `${path}.${k}`)) : [`${path}: expected a map`];
    case 'union': {
      const tries = type.types.map(t => check(value, t, path));
      return tries.some(t => t.length === 0) ? [] : [`${path}: matches none of its types (${tries.map(t => t[0]).join('; ')})`];
    }
    case 'tag': return object(value, { Key: { required: true, type: { type: 'string' } }, Value: { required: true, type: { type: 'string' } } }, path);
    case 'string': return typeof value === 'string' || typeof value === 'number' ? [] : [`${path}: expected a string`];
    case 'number': case 'integer': return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value))) ? [] : [`${path}: expected a number`];
    case 'boolean': return typeof value === 'boolean' || value === 'true' || value === 'false' ? [] : [`${path}: expected a boolean`];
    default: return []; // json, date-time, null: any value
  }
}

function object(value, properties, path) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
  const problems = [];
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in value)) problems.push(`${path}.${name}: required, missing`);
  }
  for (const [name, v] of Object.entries(value)) {
    const property = properties[name];
    if (!property) problems.push(`${path}.${name}: unknown property`);
    else problems.push(...check(v, property.type, `${path}.${name}`));
  }
  return problems;
}

// Every Fn::GetAtt in the template names an attribute of its target's type.
function attributes(node, path) {
  if (Array.isArray(node)) return node.forEach((n, i) => attributes(n, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return;
  if ('Fn::GetAtt' in node && Array.isArray(node['Fn::GetAtt'])) {
    const [id, attribute] = node['Fn::GetAtt'];
    const target = resources[id];
    const spec = target && target.Type.startsWith('AWS::') ? typeOf(target.Type) : [];
    if (!target) findings.push(`${path}: Fn::GetAtt of '${id}', which is not a resource`);
    else if (spec.length === 1 && !(attribute in spec[0].attributes)) findings.push(`${path}: ${target.Type} has no attribute '${attribute}'`);
  }
  Object.entries(node).forEach(([k, v]) => attributes(v, `${path}.${k}`));
}

for (const [id, resource] of Object.entries(resources)) {
  if (resource.Type.startsWith('Custom::') || resource.Type === 'AWS::CloudFormation::CustomResource') continue;
  const found = typeOf(resource.Type);
  if (found.length !== 1) { findings.push(`${id}: unknown type ${resource.Type}`); continue; }
  findings.push(...object(resource.Properties ?? {}, found[0].properties, `${id}.Properties`));
  if (found[0].tagInformation) taggable.push(id);
}
attributes(template, 'template');
process.stdout.write(JSON.stringify({ findings, taggable }));
