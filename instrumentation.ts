export async function register() {
  // Node-only start-up (database, secrets); the edge runtime has neither.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so that every request reaching a page carries its socket address (lib/request-ip.ts).
  const { stampSocketAddress } = await import('./lib/auth/socket-address');
  stampSocketAddress();
  const { startUpOrExit } = await import('./lib/startup');
  await startUpOrExit();
}
