export async function register() {
  // Node-only start-up (database, secrets); the edge runtime has neither.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startUp } = await import('./lib/startup');
    await startUp();
  }
}
