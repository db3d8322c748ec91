#!/usr/bin/env node
// Interop check: an independent gRPC implementation (Node.js @grpc/grpc-js, with the
// contract loaded at run time from protos/ by @grpc/proto-loader) talks to the TM server.
//
// Usage: node interop_client.js HOST:PORT
// Prints one line per check; exits 0 when every check passes, 1 at the first failure.
// protos/ is found by walking up from this file; TM_PROTOS_DIR overrides that.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const { status } = grpc;

// The same options every load uses, so field names are the proto's own everywhere below.
const LOADER_OPTIONS = {
  // Field names as written in the .proto (source_lang, pairs_stored), as the Python client sees them.
  keepCase: true,
  // Counts are far below 2^53, so plain numbers are exact and compare simply.
  longs: Number,
  enums: String,
  // proto3 leaves zero values off the wire; with defaults they read as 0 / "" / [] instead of undefined.
  defaults: true,
  oneofs: true,
};

// Sentences of the two seed documents (seeds/) that the server imports into the default memory.
const SEED_KO = '따라서 휴전 협정은 7월 26일 체결될 수 있었다.';
const SEED_EN = 'By May 1953, no one in the Soviet leadership doubted any longer that the time had come for a settlement in Korea.';
const SEED_EN_TRANSLATION_START = '1953년 5월에 이르면';
// SEED_EN with one word changed: a fuzzy match, neither identical nor unrelated.
const SEED_EN_EDITED = 'By June 1953, no one in the Soviet leadership doubted any longer that the time had come for a settlement in Korea.';

// The server is always local here; an http_proxy set in the environment must not catch the calls.
const CHANNEL_OPTIONS = { 'grpc.enable_http_proxy': 0 };

// A fresh memory per run, so the counts below never depend on an earlier run against the same data.
const RUN_ID = `${Date.now()}-${process.pid}`;
const STREAM_MEMORY = `node-interop-${RUN_ID}`;
// The stalled stream's target; see checkDeadlines for why nothing is asserted about it.
const DEADLINE_MEMORY = `node-interop-deadline-${RUN_ID}`;

const PAIRS = [
  { ko: '정전 협정', en: 'the armistice agreement' },
  { ko: '포로 교환', en: 'the exchange of prisoners' },
  { ko: '군사분계선', en: 'the military demarcation line' },
];

let checks = 0;

function check(name, condition, detail = '') {
  if (!condition) {
    console.log(`FAILED: ${name}${detail ? ` ${detail}` : ''}`);
    process.exit(1);
  }
  checks += 1;
  console.log(`ok: ${name}`);
}

function show(value) {
  return JSON.stringify(value);
}

function statusName(code) {
  return Object.keys(status).find((key) => status[key] === code) ?? String(code);
}

// Walks up from this file to the repository root that holds protos/tm/v1/translation_memory.proto,
// so the script works from the source tree or from a copy deeper in a build output.
function findProtosDir() {
  if (process.env.TM_PROTOS_DIR) return path.resolve(process.env.TM_PROTOS_DIR);
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'protos');
    if (fs.existsSync(path.join(candidate, 'tm', 'v1', 'translation_memory.proto'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no protos/tm/v1/translation_memory.proto above ${__dirname}; set TM_PROTOS_DIR`);
  }
}

// includeDirs makes imports resolve against protos/ (google/api/annotations.proto, when the
// contract has HTTP annotations); google/protobuf/descriptor.proto, which annotations.proto
// imports, is bundled with proto-loader.
function loadContract(protosDir) {
  const files = ['tm/v1/translation_memory.proto', 'grpc/health/v1/health.proto'];
  const definition = protoLoader.loadSync(files, { ...LOADER_OPTIONS, includeDirs: [protosDir] });
  return grpc.loadPackageDefinition(definition);
}

function deadlineIn(ms) {
  return new Date(Date.now() + ms);
}

// Every call gets a deadline, so a server that hangs fails the run instead of stalling it.
const CALL_TIMEOUT_MS = 30_000;

function unary(client, method, request, options = {}) {
  return new Promise((resolve, reject) => {
    const callOptions = { deadline: deadlineIn(CALL_TIMEOUT_MS), ...options };
    client[method](request, callOptions, (error, response) => (error ? reject(named(error, method)) : resolve(response)));
  });
}

// Tags a call's error with the method, so an unexpected failure says which call it was.
function named(error, method) {
  error.method = method;
  return error;
}

// Sends the messages on one client stream and resolves with the single response.
function clientStream(client, method, messages, options = {}) {
  return new Promise((resolve, reject) => {
    const callOptions = { deadline: deadlineIn(CALL_TIMEOUT_MS), ...options };
    const call = client[method](callOptions, (error, response) => (error ? reject(named(error, method)) : resolve(response)));
    for (const message of messages) call.write(message);
    call.end();
  });
}

// Runs a call that must fail with `code`; returns the error for further checks.
async function expectStatus(name, code, run) {
  let response;
  try {
    response = await run();
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    check(name, error.code === code, `got ${statusName(error.code)} (${error.code}): ${error.details}`);
    return error;
  }
  check(name, false, `no error raised, got ${show(response)}`);
  return undefined;
}

function isBestFirst(matches) {
  return matches.every((match, i) => i === 0 || matches[i - 1].score >= match.score);
}

async function waitForReady(client, address) {
  await new Promise((resolve, reject) =>
    client.waitForReady(deadlineIn(15_000), (error) =>
      error ? reject(new Error(`cannot connect to ${address}: ${error.message}`)) : resolve()));
}

async function checkSeedLookups(tm) {
  const korean = await unary(tm, 'Lookup', { text: SEED_KO, source_lang: 'ko', max_results: 5 });
  const best = korean.matches[0];
  check('Lookup ko of a seed sentence finds it at 100', best !== undefined && best.score === 100 && best.source === SEED_KO, show(best));
  check('Lookup ko answers with its translation', best.target.includes('26 July') && best.target.toLowerCase().includes('armistice'), show(best));
  check('Lookup ko reports source_lang "ko"', korean.source_lang === 'ko', show(korean.source_lang));
  check('Lookup ko matches are best first', isBestFirst(korean.matches), show(korean.matches.map((m) => m.score)));

  // No source_lang: the server detects English from the script.
  const english = await unary(tm, 'Lookup', { text: SEED_EN });
  check('Lookup en (detected) finds the seed at 100 with its Korean translation',
    english.matches.length > 0 && english.matches[0].score === 100 && english.matches[0].target.startsWith(SEED_EN_TRANSLATION_START),
    show(english.matches[0]));
  check('Lookup en reports source_lang "en"', english.source_lang === 'en', show(english.source_lang));

  const fuzzy = await unary(tm, 'Lookup', { text: SEED_EN_EDITED, source_lang: 'en', max_results: 3 });
  const near = fuzzy.matches[0];
  check('Lookup en of an edited sentence is a fuzzy match below 100',
    near !== undefined && near.source === SEED_EN && near.score > 50 && near.score < 100, show(near));
  check('fuzzy matches are best first, at most max_results', isBestFirst(fuzzy.matches) && fuzzy.matches.length <= 3,
    show(fuzzy.matches.map((m) => m.score)));
}

async function checkLookupErrors(tm) {
  const empty = await expectStatus('Lookup with empty text is INVALID_ARGUMENT', status.INVALID_ARGUMENT,
    () => unary(tm, 'Lookup', { text: '' }));
  check('INVALID_ARGUMENT carries a message', typeof empty?.details === 'string' && empty.details.trim().length > 0, show(empty?.details));

  const unknown = await expectStatus('Lookup in an unknown memory is NOT_FOUND', status.NOT_FOUND,
    () => unary(tm, 'Lookup', { memory: `nowhere-${RUN_ID}`, text: '소련의 정책' }));
  check('NOT_FOUND message names the memory', unknown.details.includes(`nowhere-${RUN_ID}`), show(unknown.details));
}

async function checkConcordance(tm) {
  const english = await unary(tm, 'Concordance', { term: 'armistice', lang: 'en' });
  check('Concordance en finds the term in the seeds', english.total >= 1 && english.hits.length >= 1, show(english));
  check('Concordance en hits hold the term on the English side',
    english.hits.every((hit) => hit.lang === 'en' && hit.en.toLowerCase().includes('armistice')), show(english.hits));

  const korean = await unary(tm, 'Concordance', { term: '휴전', lang: 'ko', max_results: 2 });
  check('Concordance ko hits hold the term on the Korean side, at most max_results',
    korean.hits.length >= 1 && korean.hits.length <= 2 && korean.total >= korean.hits.length &&
      korean.hits.every((hit) => hit.lang === 'ko' && hit.ko.includes('휴전')),
    show(korean));
}

async function segmentsIn(tm, memory) {
  const stats = await unary(tm, 'GetStats', { memory });
  const entry = stats.memories.find((m) => m.memory === memory);
  return entry ? entry.segments : undefined;
}

async function checkImportSegments(tm) {
  // memory is read from the first message only; the rest carry just the pairs.
  const messages = PAIRS.map((pair, i) => (i === 0 ? { memory: STREAM_MEMORY, ...pair } : pair));
  const imported = await clientStream(tm, 'ImportSegments', messages);
  check('ImportSegments (client streaming) stores every pair',
    imported.pairs_stored === PAIRS.length && imported.messages_received === PAIRS.length, show(imported));

  const found = await unary(tm, 'Lookup', { memory: STREAM_MEMORY, text: PAIRS[1].ko });
  check('Lookup in the new memory finds a streamed pair at 100',
    found.matches[0]?.score === 100 && found.matches[0].target === PAIRS[1].en, show(found.matches[0]));
  check('GetStats counts the streamed pairs', (await segmentsIn(tm, STREAM_MEMORY)) === PAIRS.length);

  // One bad pair (no English) among good new ones: the whole stream is one transaction.
  const good = { ko: '비무장지대', en: 'the demilitarized zone' };
  const bad = [{ memory: STREAM_MEMORY, ...good }, { ko: '중립국 송환위원회', en: '' }, { ko: '판문점', en: 'Panmunjom' }];
  const rejected = await expectStatus('a stream with a pair missing its English is INVALID_ARGUMENT', status.INVALID_ARGUMENT,
    () => clientStream(tm, 'ImportSegments', bad));
  check('INVALID_ARGUMENT for the stream carries a message', rejected.details.trim().length > 0, show(rejected.details));
  const after = await segmentsIn(tm, STREAM_MEMORY);
  check('the rejected stream stored nothing', after === PAIRS.length, `segments ${after}, expected ${PAIRS.length}`);
  const notStored = await unary(tm, 'Lookup', { memory: STREAM_MEMORY, text: good.ko });
  check('the good pair sent before the bad one is not stored', notStored.matches.every((m) => m.score < 100), show(notStored.matches));

  // A termbase entry makes Concordance mark the term's translation in the other side (UTF-16 offsets, as JS strings are).
  await unary(tm, 'AddTerm', { memory: STREAM_MEMORY, entry: { ko: '군사분계선', en: 'military demarcation line' } });
  const line = await unary(tm, 'Concordance', { memory: STREAM_MEMORY, term: '군사분계선', lang: 'ko' });
  const marked = line.hits.flatMap((hit) => hit.translation_spans.map((span) => hit.en.substring(span.start, span.start + span.length)));
  check('Concordance marks the translation the termbase gives', marked.length === 1 && marked[0] === 'military demarcation line', show(line.hits));
}

async function checkDeadlines(tm) {
  // An expired deadline: grpc-js fails the call before or as it is sent.
  await expectStatus('a deadline already past is DEADLINE_EXCEEDED', status.DEADLINE_EXCEEDED,
    () => unary(tm, 'Lookup', { text: SEED_KO }, { deadline: new Date(Date.now() - 1000) }));

  // A client stream that stalls past its deadline: the deadline expires mid-call every time,
  // unlike a tiny deadline on a fast call, which the call may win.
  await expectStatus('a stream stalled past its deadline is DEADLINE_EXCEEDED', status.DEADLINE_EXCEEDED,
    () => stalledStream(tm, 300, 1500));
  // No check that the cut-off stream stored nothing (the Python client has one): Node's http2,
  // under grpc-js, ends a cancelled stream with an empty END_STREAM DATA frame before its
  // RST_STREAM(CANCEL), so the server sees a complete stream first and may commit it.
}

// Sends one pair, then waits longer than the deadline before finishing the stream; the
// finishing step only runs if the deadline somehow did not end the call (then the check fails).
function stalledStream(tm, deadlineMs, stallMs) {
  return new Promise((resolve, reject) => {
    let done = false;
    const call = tm.ImportSegments({ deadline: deadlineIn(deadlineMs) }, (error, response) => {
      done = true;
      return error ? reject(error) : resolve(response);
    });
    call.write({ memory: DEADLINE_MEMORY, ko: '휴전', en: 'armistice' });
    setTimeout(() => {
      if (done) return;
      call.write({ ko: '정전', en: 'cease-fire' });
      call.end();
    }, stallMs);
  });
}

async function checkGzip(contract, address) {
  // A second channel whose requests are gzip-compressed (grpc-encoding: gzip).
  const gzip = new contract.tm.v1.TranslationMemory(address, grpc.credentials.createInsecure(),
    { ...CHANNEL_OPTIONS, 'grpc.default_compression_algorithm': 2 });
  try {
    const response = await unary(gzip, 'Lookup', { memory: STREAM_MEMORY, text: PAIRS[0].ko });
    check('gzip-compressed request is answered', response.matches[0]?.target === PAIRS[0].en, show(response.matches[0]));
  } finally {
    gzip.close();
  }
}

async function checkStatsAndProtocol(tm, contract, address) {
  const stats = await unary(tm, 'GetStats', {});
  const names = stats.memories.map((m) => m.memory);
  check('GetStats lists the default memory and the new one', names.includes('default') && names.includes(STREAM_MEMORY), show(names));

  // A method the contract does not have, called on the same channel with LookupRequest's codec.
  const lookupMethod = contract.tm.v1.TranslationMemory.service.Lookup;
  const unknownMethod = () => new Promise((resolve, reject) => {
    tm.makeUnaryRequest('/tm.v1.TranslationMemory/NoSuchMethod', lookupMethod.requestSerialize, lookupMethod.responseDeserialize,
      { text: 'x' }, { deadline: deadlineIn(CALL_TIMEOUT_MS) }, (error, response) => (error ? reject(error) : resolve(response)));
  });
  await expectStatus('an unknown method is UNIMPLEMENTED', status.UNIMPLEMENTED, unknownMethod);

  const health = new contract.grpc.health.v1.Health(address, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
  try {
    const answer = await unary(health, 'Check', {});
    check('health check is SERVING', answer.status === 'SERVING', show(answer));
  } finally {
    health.close();
  }
}

async function main(address) {
  if (!address) {
    console.error('usage: node interop_client.js HOST:PORT');
    process.exit(2);
  }
  const contract = loadContract(findProtosDir());
  const tm = new contract.tm.v1.TranslationMemory(address, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
  try {
    await waitForReady(tm, address);
    await checkSeedLookups(tm);
    await checkLookupErrors(tm);
    await checkConcordance(tm);
    await checkImportSegments(tm);
    await checkDeadlines(tm);
    await checkGzip(contract, address);
    await checkStatsAndProtocol(tm, contract, address);
  } finally {
    tm.close();
  }
  console.log(`interop: all ${checks} checks passed`);
}

main(process.argv[2]).catch((error) => {
  // An unexpected error (no connection, a call that should have worked) is a failure too.
  // A programming error keeps its stack; a failed call or connection needs only its message.
  const detail = typeof error.code === 'number' ? `${statusName(error.code)} (${error.code}): ${error.details}`
    : error instanceof TypeError || error instanceof ReferenceError ? error.stack : error.message ?? String(error);
  console.log(`FAILED: unexpected error${error.method ? ` from ${error.method}` : ''}: ${detail}`);
  process.exit(1);
});
