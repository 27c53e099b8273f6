import type { NextAuthConfig } from 'next-auth';
import { getAuthSecret } from '@/lib/dev-secrets';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { safeCallbackPath } from '@/lib/safe-redirect';

/** A session token not used for this long expires (each visit renews it, up to SESSION_MAX_AGE_MS). */
const SESSION_IDLE_SECONDS = 24 * 60 * 60;

/** The part of the auth config the proxy needs: JWT sessions, no database. */
export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: getAuthSecret(),
    // Sessions are signed tokens, so any instance behind the load balancer can check them; pages,
    // actions and routes also check the token's session row (lib/auth/session-state.ts).
    session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
    // `Secure` cookies with the `__Secure-` prefix exactly when the dashboard is served over https.
    useSecureCookies: new URL(env.APP_URL).protocol === 'https:',
    trustHost: true,
    pages: { signIn: '/login' },
    providers: [],
    callbacks: {
      // Also for callbackUrls posted straight to /api/auth/callback/credentials.
      redirect({ url, baseUrl }) {
        return baseUrl + safeCallbackPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url);
      },
      jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = user.sessionId;
          token.ver = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionId = token.sid;
        session.sessionVersion = token.ver;
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
