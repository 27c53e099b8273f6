import { jsonResponse } from '@/lib/api/json';
import { withOwnedApp } from '@/lib/api/with-owned-app';
import { generateApiKeys } from '@/lib/api-keys/generate-api-keys';
import { listAppApiKeys } from '@/lib/api-keys/list-api-keys';

export const GET = withOwnedApp({}, async ({ db, app }) => jsonResponse(await listAppApiKeys(db, { appId: app.id })));

export const POST = withOwnedApp({}, async ({ db, actor }) => jsonResponse(await generateApiKeys(db, actor), 201));
