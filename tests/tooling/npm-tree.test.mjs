// The Node tools install without conflicts: npm ci would print peer-dependency warnings for anything npm ls flags here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const repoRoot = new URL('../..', import.meta.url).pathname;

test('the installed npm tree has no invalid, missing or conflicting peer dependencies', () => {
  const ls = spawnSync('npm', ['ls', '--all', '--json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  const tree = JSON.parse(ls.stdout);
  assert.deepEqual(tree.problems ?? [], []);
  assert.equal(ls.status, 0, ls.stderr);
  const peerErrors = [];
  const walk = (node, path) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (child.invalid || child.missing || child.peerMissing) peerErrors.push(`${path}/${name}`);
      walk(child, `${path}/${name}`);
    }
  };
  walk(tree, '');
  assert.deepEqual(peerErrors, []);
});
