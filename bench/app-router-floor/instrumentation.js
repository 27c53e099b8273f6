// Without its own hook, Turbopack picks up the repository root's instrumentation.ts (the app's start-up).
export function register() {}
