export async function register() {
  // Node-only start-up (database, secrets); the edge runtime has neither.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so that every request reaching a page carries its socket address (lib/request-ip.ts).
  const { stampSocketAddress } = await import('./lib/auth/socket-address');
  stampSocketAddress();
  const { startUp } = await import('./lib/startup');
  try {
    await startUp();
  } catch (error) {
    // A server without its secrets or database must not half-start and answer 500s.
    console.error(`KS Pay cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
