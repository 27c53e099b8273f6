import { getDb } from '@/db';
import { pingDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await pingDatabase(await getDb());
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503 });
  }
}
