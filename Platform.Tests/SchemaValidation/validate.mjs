// Usage: node validate.mjs <schema.json> <document.json>
// Prints the validation errors as JSON and exits 1 if the document does not match the schema.
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const [schemaPath, documentPath] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
const valid = validate(JSON.parse(readFileSync(documentPath, "utf8")));
process.stdout.write(JSON.stringify(valid ? [] : validate.errors, null, 2) + "\n");
process.exit(valid ? 0 : 1);
