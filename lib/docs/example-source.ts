import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The example files the guide shows are the files the tests run (examples/), read as they are. */
export const EXAMPLES = {
  express: 'examples/express/server.mjs',
  nextjs: 'examples/nextjs/app/api/checkout/route.ts',
  expressWebhooks: 'examples/express/webhooks.mjs',
  nextjsWebhooks: 'examples/nextjs/app/api/webhooks/kspay/route.ts',
} as const;

export function readExample(name: keyof typeof EXAMPLES): Promise<string> {
  return readFile(path.join(process.cwd(), EXAMPLES[name]), 'utf8');
}
