import { cookies } from 'next/headers';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { normalizeEmail } from '@/db/queries/merchants';
import { clientIp } from '@/lib/request-ip';
import { signInSchema } from '@/lib/validations/auth';
import { baseAuthConfig } from './config';
import { knownDeviceCookie, knownDeviceCookieName } from './known-device';
import { signInWithPassword } from './sign-in';

/** `code` is what the sign-in form explains: locked for the window, or asked to wait a moment. */
export class RefusedSignIn extends CredentialsSignin {
  constructor(code: 'rate_limited' | 'slow_down') {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
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
  events: {
    // Through the sign-in form and the credentials endpoint alike (both have a writable cookie store).
    async signIn({ user }) {
      if (user.email) (await cookies()).set(knownDeviceCookie(normalizeEmail(user.email)));
    },
  },
}));
