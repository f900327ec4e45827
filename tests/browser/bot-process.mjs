// Starts the already-built bot (dotnet run --no-build) on a free loopback port and stops its whole process group.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

export const repoRoot = new URL('../..', import.meta.url).pathname;

/** The configuration whose build of the bot is newest (./test.sh builds Release, an IDE or `dotnet build` Debug). */
export function builtConfiguration() {
  const builds = ['Release', 'Debug']
    .map((configuration) => ({ configuration, dll: join(repoRoot, 'src/OutreachBot/bin', configuration, 'net10.0/OutreachBot.dll') }))
    .filter((b) => existsSync(b.dll))
    .sort((a, b) => statSync(b.dll).mtimeMs - statSync(a.dll).mtimeMs);
  if (builds.length === 0) {
    throw new Error('The bot is not built: run `dotnet build OutreachBot.sln` (or ./test.sh) before the browser test.');
  }
  return builds[0].configuration;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startBot({ timeoutMs = 90_000 } = {}) {
  const configuration = builtConfiguration();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [
    'run', '--no-build', '--no-launch-profile', '-c', configuration, '--project', 'src/OutreachBot', '--urls', url,
  ], {
    cwd: repoRoot,
    detached: true, // its own process group, so stopping it also stops the app dotnet run starts
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Storage__Provider: 'InMemory',
      MicrosoftAppId: '',
      DOTNET_NOLOGO: '1',
    },
  });
  let log = '';
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // If the test process dies first, the bot must not outlive it.
  const killGroup = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } };
  process.once('exit', killGroup);

  const bot = {
    url,
    get log() { return log; },
    async stop() {
      process.removeListener('exit', killGroup);
      if (child.exitCode !== null || child.signalCode !== null) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      const stopped = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 10_000))]);
      if (!stopped) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
        await exited;
      }
    },
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The bot exited with code ${child.exitCode} before it was ready:\n${log}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return bot;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  await bot.stop();
  throw new Error(`The bot did not answer /healthz within ${timeoutMs / 1000} s:\n${log}`);
}
