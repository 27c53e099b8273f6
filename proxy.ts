import NextAuth from 'next-auth';
import { type NextFetchEvent, type NextRequest, NextResponse } from 'next/server';
import { baseAuthConfig } from '@/lib/auth/config';

type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

const { auth } = NextAuth(baseAuthConfig);

// With a lazily built config, next-auth's `auth(callback)` resolves to the handler.
const redirectSignedOut = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const login = new URL('/login', request.nextUrl.origin);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}) as unknown as Promise<Handler>;

/**
 * Signed-out visits to the dashboard go to /login and come back after signing in.
 * Pages check the session again themselves; this only provides the round trip.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return (await redirectSignedOut)(request, event);
}

export const config = { matcher: ['/apps/:path*', '/apps'] };
