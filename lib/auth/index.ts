import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { signInSchema } from '@/lib/validations/auth';
import { baseAuthConfig } from './config';
import { clientIp } from './client-ip';
import { signInWithPassword } from './sign-in';

export class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
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
        });
        if (result.ok) return result.merchant;
        if (result.reason === 'rate_limited') throw new RateLimitedSignIn();
        return null;
      },
    }),
  ],
}));
