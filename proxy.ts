import NextAuth from 'next-auth';
import { type NextFetchEvent, type NextRequest, NextResponse } from 'next/server';
import { baseAuthConfig } from '@/lib/auth/config';
import { env, isProduction } from '@/lib/env';
import { isSandbox } from '@/lib/gateways/base-urls';
import { newNonce, pageSecurityHeaders } from '@/lib/security-headers';

type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

const { auth } = NextAuth(baseAuthConfig);
const https = new URL(env.APP_URL).protocol === 'https:';

const isDashboard = (pathname: string) => pathname === '/apps' || pathname.startsWith('/apps/');

/**
 * Every page: a fresh CSP nonce (Next reads it from the request's CSP header and puts it on its
 * scripts) and the security headers. Signed-out visits to the dashboard go to /login and come back
 * after signing in; pages check the session again themselves, this only provides the round trip.
 */
// With a lazily built config, next-auth's `auth(callback)` resolves to the handler.
const handle = auth((request) => {
  const nonce = newNonce();
  const gatewayCheckout = request.nextUrl.pathname.startsWith('/pay/') && !isSandbox();
  const headers = pageSecurityHeaders({ nonce, https, dev: !isProduction, gatewayCheckout });
  let response: NextResponse;
  if (isDashboard(request.nextUrl.pathname) && !request.auth?.user) {
    const login = new URL('/login', request.nextUrl.origin);
    login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
    response = NextResponse.redirect(login);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('content-security-policy', headers['Content-Security-Policy']!);
    requestHeaders.set('x-nonce', nonce);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}) as unknown as Promise<Handler>;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return (await handle)(request, event);
}

export const config = {
  // Pages only (prefetches too, so no request gets a page without its headers): API routes and
  // static files carry no HTML to protect.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|screenshots/).*)'],
};
