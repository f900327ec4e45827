// Adds up real test results: every .trx file under the results folder (dotnet test) and every
// TAP log (node --test). Prints one line "N passed, N failed, N skipped" and exits 1 when any test
// failed or no test ran at all.
import fs from 'node:fs';
import path from 'node:path';

const resultsDir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let skipped = 0;
let sources = 0;

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

for (const file of walk(resultsDir)) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.trx')) {
    const counters = text.match(/<Counters\b[^>]*>/);
    if (!counters) continue;
    const attr = (name) => Number((counters[0].match(new RegExp(`\\b${name}="(\\d+)"`)) ?? [0, 0])[1]);
    passed += attr('passed');
    failed += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
    skipped += attr('notExecuted');
    sources += 1;
  } else if (file.endsWith('.tap')) {
    const count = (name) => Number((text.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [0, 0])[1]);
    passed += count('pass');
    failed += count('fail') + count('cancelled');
    skipped += count('skipped') + count('todo');
    sources += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 || sources === 0 ? 1 : 0);
