import { cookies } from 'next/headers';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { normalizeEmail } from '@/db/queries/merchants';
import { revokeSession } from '@/db/queries/sessions';
import { clientIp } from '@/lib/request-ip';
import { signInSchema } from '@/lib/validations/auth';
import { baseAuthConfig } from './config';
import { knownDeviceCookie, knownDeviceCookieName } from './known-device';
import { liveSessionMerchant } from './session-state';
import { signInWithPassword } from './sign-in';

/** `code` is what the sign-in form explains: locked for the window, or asked to wait a moment. */
export class RefusedSignIn extends CredentialsSignin {
  constructor(code: 'rate_limited' | 'slow_down') {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = baseAuthConfig();
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await signInWithPassword(await getDb(), {
            email: parsed.data.email,
            password: parsed.data.password,
            ip: clientIp(request.headers),
            device: (await cookies()).get(knownDeviceCookieName())?.value,
          });
          if (result.ok) return result.merchant;
          if (result.reason !== 'invalid') throw new RefusedSignIn(result.reason);
          return null;
        },
      }),
    ],
    callbacks: {
      ...base.callbacks,
      /**
       * Every read of a session (`auth()`, GET /api/auth/session) checks its row, once; pages rely
       * on this through `currentSession`. A null token is no session (and GET /api/auth/session
       * clears its cookie); so is a database error, which next-auth logs.
       */
      async jwt(params) {
        const token = await base.callbacks!.jwt!(params);
        if (!token || params.user) return token;
        const claims = { merchantId: token.sub, sessionId: token.sid, sessionVersion: token.ver };
        const merchant = await liveSessionMerchant(await getDb(), claims);
        return merchant ? { ...token, email: merchant.email } : null;
      },
    },
    events: {
      // Through the sign-in form and the credentials endpoint alike (both have a writable cookie store).
      async signIn({ user }) {
        if (!user.email) return;
        const { name, value, options } = knownDeviceCookie(normalizeEmail(user.email));
        (await cookies()).set(name, value, options);
      },
      // Also for POST /api/auth/signout: a copy of the cookie opens nothing afterwards.
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (token?.sub && token.sid) await revokeSession(await getDb(), { sessionId: token.sid, merchantId: token.sub });
      },
    },
  };
});
