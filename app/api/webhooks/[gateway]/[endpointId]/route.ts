import { getDb } from '@/db';
import { errorResponse, jsonResponse } from '@/lib/api/json';
import { readLimitedText } from '@/lib/api/read-limited-text';
import { AppError, toPublicError } from '@/lib/errors';
import { isWebhookEndpointId } from '@/lib/ids';
import { MAX_WEBHOOK_BYTES, receiveWebhook, type ReceiveResult } from '@/lib/webhooks/receive';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ gateway: string; endpointId: string }> };

/**
 * A refused signature is the sender's to fix (400 when it is missing or not a signature at all,
 * 401 when it does not match). A signed event we do not understand is acknowledged: retrying it
 * for a day would only get the endpoint disabled.
 */
function httpStatusOf(result: ReceiveResult): number {
  if (result.outcome !== 'rejected' || result.reason === 'unknown_event') return 200;
  return result.reason === 'signature_mismatch' || result.reason === 'no_secrets' ? 401 : 400;
}

/** Gateways' deliveries. Raw body first: the signature covers the exact bytes. */
export async function POST(request: Request, { params }: Params) {
  const { gateway, endpointId } = await params;
  try {
    if (gateway !== 'razorpay' && gateway !== 'cashfree') throw new AppError('not_found', 'Unknown gateway');
    if (!isWebhookEndpointId(endpointId)) throw new AppError('not_found', 'Unknown webhook endpoint');
    const rawBody = await readLimitedText(request, MAX_WEBHOOK_BYTES);
    // JSON never holds a raw NUL, and PostgreSQL cannot store one in text.
    if (rawBody.includes('\u0000')) throw new AppError('bad_request', 'The body is not JSON');
    const result = await receiveWebhook(await getDb(), { gateway, endpointId, rawBody, headers: request.headers });
    return jsonResponse(result, httpStatusOf(result));
  } catch (error) {
    // Anything but a known refusal is a 5xx, so the gateway retries and nothing is lost.
    const publicError = toPublicError(error, { event: 'webhook.failed', gateway });
    return errorResponse(publicError.status, publicError);
  }
}
