import { z } from 'zod';
import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { revokeSecretKey } from '@/lib/api-keys/revoke-secret-key';

const params = z.object({ keyId: z.uuid({ error: 'This API key does not exist.' }) });

export const POST = withOwnedApp({ params }, async ({ db, actor, params }) =>
  jsonResponse(await revokeSecretKey(db, { ...actor, keyId: params.keyId })),
);
