import type { Env } from './env';

/**
 * What a deployment must decide for itself. Production never falls back to the sandbox (whose
 * credentials are in the README, so anyone could get "verified" and receive keys), and live
 * gateways need an https APP_URL (Cashfree refuses http notify URLs; sessions need Secure cookies).
 */
export function deploymentProblems(env: Pick<Env, 'NODE_ENV' | 'GATEWAYS' | 'APP_URL'>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.GATEWAYS) {
    problems.push('GATEWAYS must be set in production: `live` for the real gateways, or `sandbox` for a demo.');
  }
  if (env.GATEWAYS === 'live' && new URL(env.APP_URL).protocol !== 'https:') {
    problems.push(`APP_URL must be https with GATEWAYS=live (it is ${new URL(env.APP_URL).origin}).`);
  }
  return problems;
}

export function assertDeployment(env: Parameters<typeof deploymentProblems>[0]) {
  const problems = deploymentProblems(env);
  if (problems.length) throw new Error(problems.join(' '));
}
