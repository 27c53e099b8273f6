export async function register() {
  // Node-only start-up (database, secrets); the edge runtime has neither.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Already installed by the preload of scripts/start.mjs; this covers a server started without it.
  const { stampSocketAddress } = await import('./lib/auth/socket-address');
  stampSocketAddress();
  const { startUpOrExit } = await import('./lib/startup');
  await startUpOrExit();
}
