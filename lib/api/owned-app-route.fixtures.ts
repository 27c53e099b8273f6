import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import type { Database } from '@/db/client';

// Next's server sets this before loading anything (so nothing here imports Next statically).
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

type Storage = { run<T>(store: unknown, fn: () => T): T };
const require = createRequire(import.meta.url);
const nextServer = (path: string) => require(`next/dist/server/${path}.js`) as Record<string, unknown>;
const { workAsyncStorage } = nextServer('app-render/work-async-storage.external') as { workAsyncStorage: Storage };
const { workUnitAsyncStorage } = nextServer('app-render/work-unit-async-storage.external') as { workUnitAsyncStorage: Storage };
const { createWorkStore } = nextServer('async-storage/work-store') as { createWorkStore: (context: unknown) => unknown };
const { createRequestStoreForAPI } = nextServer('async-storage/request-store') as {
  createRequestStoreForAPI: (request: { headers: Headers }, url: URL, implicitTags: unknown) => unknown;
};

/** The app's own database handle (db/index.ts caches it here) becomes the test database. */
export function useAsAppDatabase(database: Database) {
  (globalThis as { ksPayDb?: Promise<Database> }).ksPayDb = Promise.resolve(database);
}

/**
 * Runs a route handler in the scope Next gives it (the two stores its app-route module sets up),
 * so `headers()` and `cookies()` — and with them next-auth's `auth()` — read `request`.
 */
export function inRequestScope<T>(request: Request, page: string, handle: () => T): T {
  const workStore = createWorkStore({ page, renderOpts: { experimental: {} }, isPrefetchRequest: false, buildId: 'test' });
  const requestStore = createRequestStoreForAPI(request, new URL(request.url), { tags: [], expirationsByCacheKind: new Map() });
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, handle));
}

/** What Next's server adds to every request it hands on; next-auth builds its URLs from them. */
export const forwardedHeaders = (origin: string) => ({ host: new URL(origin).host, 'x-forwarded-proto': new URL(origin).protocol.slice(0, -1) });

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Signs in through the real next-auth route (CSRF token, credentials callback); returns the session cookie. */
export async function signInCookie(origin: string, credentials: { email: string; password: string }) {
  const [auth, { NextRequest }] = await Promise.all([import('@/app/api/auth/[...nextauth]/route'), import('next/server')]);
  const headers = forwardedHeaders(origin);
  const csrf = await auth.GET(new NextRequest(`${origin}/api/auth/csrf`, { headers }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = new NextRequest(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    body: new URLSearchParams({ ...credentials, csrfToken, callbackUrl: origin }),
    headers: { ...headers, cookie: cookiesOf(csrf), 'content-type': 'application/x-www-form-urlencoded' },
  });
  // In scope: sign-in reads and sets the known-device cookie through `cookies()`.
  const signedIn = await inRequestScope(callback, '/api/auth/[...nextauth]/route', () => auth.POST(callback));
  const cookie = cookiesOf(signedIn);
  if (!cookie.includes('session-token=')) throw new Error(`Sign-in failed (${signedIn.status})`);
  return cookie;
}
