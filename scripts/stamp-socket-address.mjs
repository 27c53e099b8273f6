// Preloaded into the server process (`node --import ./scripts/stamp-socket-address.mjs …`): `next start`
// listens before `register()` runs, and requests that arrive meanwhile must be stamped too.
import { stampSocketAddress } from '../lib/auth/socket-address.ts';

stampSocketAddress();
