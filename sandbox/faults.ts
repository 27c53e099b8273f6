import { json, type Reply } from './http';
import type { GatewayName } from './state';

export interface Fault {
  gateway: GatewayName;
  /** Answer with this status (429 or 5xx); null only delays. */
  status: 429 | 500 | 502 | 503 | 504 | null;
  delayMs: number;
  /** Process the call first, then answer with the fault: a response lost after the work was done. */
  after: boolean;
  remaining: number;
}

/** Injected failures for the next N API calls of a gateway (POST /__sandbox/faults). */
export class FaultQueue {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  take(gateway: GatewayName): Fault | null {
    const fault = this.faults.find((f) => f.gateway === gateway && f.remaining > 0);
    if (!fault) return null;
    fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}

/** Error bodies in each gateway's own shape; 502 comes as HTML, as a proxy would send it. */
export function faultReply(gateway: GatewayName, status: number): Reply {
  if (status === 502) {
    return { status, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } };
  }
  const limited = status === 429;
  const headers: Record<string, string> = limited ? { 'retry-after': '0' } : {};
  if (gateway === 'razorpay') {
    const error = limited
      ? { code: 'BAD_REQUEST_ERROR', description: 'Too many requests' }
      : { code: 'SERVER_ERROR', description: 'The server encountered an error. The incident has been reported to admins.' };
    return json(status, { error: { ...error, source: 'NA', step: 'NA', reason: 'NA', metadata: {} } }, headers);
  }
  const body = limited
    ? { message: 'Too many requests', code: 'request_failed', type: 'rate_limit_error' }
    : { message: 'Something went wrong on our end', code: 'internal_error', type: 'api_error' };
  return json(status, body, headers);
}
