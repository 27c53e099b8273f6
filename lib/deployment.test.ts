import { describe, expect, it } from 'vitest';
import { deploymentProblems } from './deployment';

const local = 'http://localhost:3000';
const public_ = 'https://pay.example.com';

describe('deploymentProblems', () => {
  it.each([
    ['development, nothing set', { NODE_ENV: 'development', APP_URL: local }, []],
    ['production must choose its gateways', { NODE_ENV: 'production', APP_URL: public_ }, [/GATEWAYS must be set/]],
    ['production on the sandbox, chosen', { NODE_ENV: 'production', GATEWAYS: 'sandbox', APP_URL: local }, []],
    ['production live over https', { NODE_ENV: 'production', GATEWAYS: 'live', APP_URL: public_ }, []],
    ['live refuses http', { NODE_ENV: 'production', GATEWAYS: 'live', APP_URL: 'http://pay.example.com' }, [/must be https/]],
    ['live refuses http in development too', { NODE_ENV: 'development', GATEWAYS: 'live', APP_URL: local }, [/must be https/]],
  ] as const)('%s', (_name, env, expected) => {
    const problems = deploymentProblems(env);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(problems[i]).toMatch(pattern));
  });
});
