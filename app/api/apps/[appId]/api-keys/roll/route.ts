import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { rollSecretKeySchema } from '@/lib/api-keys/contract';
import { rollSecretKey } from '@/lib/api-keys/roll-secret-key';

export const POST = withOwnedApp({ body: rollSecretKeySchema }, async ({ db, actor, body }) =>
  jsonResponse(await rollSecretKey(db, { ...actor, overlap: body.overlap }), 201),
);
