#!/usr/bin/env node
// Reflection check: a server-reflection client nobody here wrote (grpc-reflection-js, which
// speaks grpc.reflection.v1alpha.ServerReflection over @grpc/grpc-js) discovers the TM
// contract from the running server alone, with no .proto file on the client side.
//
// Usage: node reflection_client.js HOST:PORT
// Prints one line per check; exits 0 when every check passes, 1 at the first failure.
'use strict';

const grpc = require('@grpc/grpc-js');
const { Client: ReflectionClient } = require('grpc-reflection-js');

const SERVICE = 'tm.v1.TranslationMemory';
const HEALTH = 'grpc.health.v1.Health';
const REFLECTION_METHOD = '/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo';

// Methods the contract must define, with their streaming shape and a field their request
// type must carry, so a resolved type is known to be the right one and not an empty shell.
const EXPECTED_METHODS = {
  Lookup: { requestType: 'LookupRequest', requestStream: false, responseStream: false, field: 'text' },
  Concordance: { requestType: 'ConcordanceRequest', requestStream: false, responseStream: false, field: 'term' },
  ImportFile: { requestType: 'ImportFileRequest', requestStream: true, responseStream: true, field: 'chunk' },
};

// The library's calls take no deadline; this bounds each one so a silent server fails the run.
const STEP_TIMEOUT_MS = 15_000;

// The server is always local here; an http_proxy set in the environment must not catch the calls.
const CHANNEL_OPTIONS = { 'grpc.enable_http_proxy': 0 };

let checks = 0;

function check(name, condition, detail = '') {
  if (!condition) fail(`${name}${detail ? ` ${detail}` : ''}`);
  checks += 1;
  console.log(`ok: ${name}`);
}

function fail(message) {
  console.log(`FAILED: ${message}`);
  process.exit(1);
}

function statusName(code) {
  return Object.keys(grpc.status).find((key) => grpc.status[key] === code) ?? String(code);
}

// Runs one library call with a time limit and turns its failures into clear messages: the
// library rejects with a bare Error() when the server sends an error_response instead of
// the answer it asked for, and with the gRPC status error when the call itself fails.
async function step(what, run) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (error) {
    if (error.code === grpc.status.UNIMPLEMENTED) {
      fail(`${what}: server reflection is not enabled: the server answered UNIMPLEMENTED (${error.details}) for ${REFLECTION_METHOD}`);
    }
    if (typeof error.code === 'number') fail(`${what}: ${statusName(error.code)} (${error.code}): ${error.details}`);
    fail(`${what}: ${error.message || 'the server answered with an error_response or an unexpected message type'}`);
  } finally {
    clearTimeout(timer);
  }
  return undefined;
}

function checkServiceList(services) {
  check(`ListServices answers (${services.length} services: ${services.join(', ')})`, services.length > 0);
  check(`ListServices lists ${SERVICE}`, services.includes(SERVICE));
  check(`ListServices lists ${HEALTH}`, services.includes(HEALTH));
}

// Checks one method of the service resolved from the server's descriptors.
function checkMethod(service, name, expected) {
  const method = service.methods[name];
  check(`${SERVICE} defines ${name}`, method !== undefined, `methods: ${Object.keys(service.methods).join(', ')}`);
  try {
    // Looks the request and response types up among the descriptors the server sent.
    method.resolve();
  } catch (error) {
    fail(`${name}'s request or response type is not in the served descriptors: ${error.message}`);
  }
  const requestType = method.resolvedRequestType;
  check(`${name} takes ${expected.requestType}, resolvable with field ${expected.field}`,
    requestType !== null && requestType.name === expected.requestType && requestType.fields[expected.field] !== undefined,
    requestType ? `got ${requestType.fullName} with fields ${Object.keys(requestType.fields).join(', ')}` : 'request type not resolved');
  check(`${name} is ${describeStreaming(expected)}`,
    Boolean(method.requestStream) === expected.requestStream && Boolean(method.responseStream) === expected.responseStream,
    `got ${describeStreaming(method)}`);
}

function describeStreaming({ requestStream, responseStream }) {
  if (requestStream && responseStream) return 'bidirectional streaming';
  if (requestStream) return 'client streaming';
  if (responseStream) return 'server streaming';
  return 'unary';
}

async function main(address) {
  if (!address) {
    console.error('usage: node reflection_client.js HOST:PORT');
    process.exit(2);
  }
  const reflection = new ReflectionClient(address, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);

  const services = await step('ListServices', () => reflection.listServices());
  checkServiceList(services);

  // The library fetches the file that defines the symbol, then every file it imports (by name),
  // and builds a protobufjs Root from the whole set.
  const root = await step(`FileContainingSymbol ${SERVICE}`, () => reflection.fileContainingSymbol(SERVICE));
  let service;
  try {
    service = root.lookupService(SERVICE);
  } catch (error) {
    fail(`the descriptors for ${SERVICE} do not define the service: ${error.message}`);
  }
  check(`the file containing ${SERVICE} defines the service`, service !== null);
  for (const [name, expected] of Object.entries(EXPECTED_METHODS)) checkMethod(service, name, expected);

  // grpcClient is the library's grpc-js client; closing it lets the process exit at once.
  reflection.grpcClient?.close?.();
  console.log(`reflection: all ${checks} checks passed`);
}

main(process.argv[2]).catch((error) => {
  console.log(`FAILED: unexpected error: ${error.stack ?? error}`);
  process.exit(1);
});
