// The same verify-and-store work as the bare Node floor, as an App Router route handler at the app's
// webhook URL (`/api/webhooks/<gateway>/<endpoint id>`, its params read) reading its body the way
// the app's route does (a stream with a byte cap). The app's proxy and headers config are not here:
// what they cost counts against the app.
import postgres from 'postgres';
import { FLOOR_MAX_BYTES, floorWork } from '../../../../../../floor-work.mjs';

export const dynamic = 'force-dynamic';

const state = (globalThis.benchFloor ??= {});

function work() {
  state.work ??= floorWork(postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} }), {
    secret: process.env.FLOOR_SECRET,
    table: process.env.FLOOR_TABLE,
  });
  return state.work;
}

async function readCapped(request) {
  if (Number(request.headers.get('content-length') ?? 0) > FLOOR_MAX_BYTES) return null;
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > FLOOR_MAX_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function POST(request, { params }) {
  const { gateway, endpointId } = await params;
  if (gateway !== 'razorpay' || !endpointId) return new Response(null, { status: 404 });
  const raw = await readCapped(request);
  if (!raw) return new Response(null, { status: 413 });
  try {
    const { status, body } = await work()(raw, request.headers.get('x-razorpay-signature'), request.headers.get('x-razorpay-event-id'));
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  } catch {
    return new Response(null, { status: 500 });
  }
}

export function GET() {
  return Response.json({ ok: true });
}
