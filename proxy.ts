import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { baseAuthConfig } from '@/lib/auth/config';

const { auth } = NextAuth(baseAuthConfig);

// Signed-out visits to the dashboard go to /login and come back after signing in.
// Pages check the session again themselves; this only provides the round trip.
export default auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const login = new URL('/login', request.nextUrl.origin);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
});

export const config = { matcher: ['/apps/:path*', '/apps'] };
