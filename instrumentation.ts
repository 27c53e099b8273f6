export async function register() {
  // Node-only start-up (database, secrets); the edge runtime has neither.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startUpOrExit } = await import('./lib/startup');
  await startUpOrExit();
}
