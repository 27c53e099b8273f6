import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    sessionId?: string;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; email: string; name?: string | null; image?: string | null };
    /** The `merchant_sessions` row and the merchant's session version this token was issued under. */
    sessionId?: string;
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    ver?: number;
  }
}
