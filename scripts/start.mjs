// Starts the gateway sandbox and the dashboard together: `node scripts/start.mjs dev|start`.
// Extra arguments go to `next`. Ctrl-C stops both.
import { spawn } from 'node:child_process';

const mode = process.argv[2] === 'start' ? 'start' : 'dev';
const sandboxUrl = process.env.SANDBOX_URL || `http://localhost:${process.env.SANDBOX_PORT || 4010}`;
const children = [];

function run(name, command, args, env = process.env) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code) => {
    console.log(`[${name}] exited with ${code}`);
    stop(code ?? 1);
  });
  children.push(child);
}

function stop(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const sandboxUp = await fetch(`${sandboxUrl}/__sandbox/health`).then((r) => r.ok, () => false);
if (sandboxUp) console.log(`[sandbox] already running at ${sandboxUrl}`);
// `next dev` uses the sandbox unless told otherwise; a production server only when GATEWAYS=sandbox
// says so (it refuses to start with GATEWAYS unset).
else if (mode === 'dev' ? process.env.GATEWAYS !== 'live' : process.env.GATEWAYS === 'sandbox') {
  // Its accounts, orders and webhook settings live beside the embedded database, so a restart finds
  // the demo app's sandbox account, and the webhooks pointed at us, again.
  const stateFile = process.env.SANDBOX_STATE_FILE || `${process.env.DATA_DIR || '.data'}/sandbox-state.json`;
  run('sandbox', process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], { ...process.env, SANDBOX_STATE_FILE: stateFile });
}

// The preload stamps the socket address on requests before Next listens (lib/auth/socket-address.ts).
// `next dev` forks its server without it: there `register()` installs the stamp.
const preload = ['--import', './scripts/stamp-socket-address.mjs'];
run('next', process.execPath, [...preload, 'node_modules/next/dist/bin/next', mode, ...process.argv.slice(3)]);
