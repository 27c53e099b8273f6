import type { NextAuthConfig } from 'next-auth';
import { getAuthSecret } from '@/lib/dev-secrets';
import { log } from '@/lib/log';

/** The part of the auth config the proxy needs: JWT sessions, no database. */
export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: getAuthSecret(),
    // Sessions are signed tokens, so any instance behind the load balancer can check them.
    session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
    trustHost: true,
    pages: { signIn: '/login' },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    logger: {
      error(error) {
        // A refused sign-in is an expected outcome, already recorded in login_attempts.
        const type = 'type' in error ? String(error.type) : error.name;
        if (type === 'CredentialsSignin') return;
        log.error({ event: 'auth.error', type, message: error.message });
      },
    },
  };
}
