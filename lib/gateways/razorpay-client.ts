import Razorpay from 'razorpay';
import type { RazorpayCredentials } from './types';

/** What the axios layer saw when no HTTP response came back (the SDK hides it behind a TypeError). */
export interface TransportFailure {
  code: string | null;
  timedOut: boolean;
}

export interface RazorpayClient {
  sdk: Razorpay;
  transportFailure(): TransportFailure | null;
}

// The SDK's axios instance, reached through `rzp.api.rq` (razorpay 2.9.x dist/api.js):
// there is no base-URL or timeout option, so we set them on the instance itself.
interface SdkAxios {
  defaults: { baseURL?: string; timeout?: number };
  interceptors: { response: { use(onOk: (r: unknown) => unknown, onErr: (e: unknown) => unknown): number } };
}

function sdkAxios(sdk: Razorpay): SdkAxios {
  const rq = (sdk.api as unknown as { rq?: SdkAxios }).rq;
  if (!rq?.defaults || !rq.interceptors) throw new Error('razorpay SDK internals changed: api.rq is missing');
  return rq;
}

/** One SDK instance per call: credentials differ per merchant connection. */
export function createRazorpayClient(credentials: RazorpayCredentials, baseUrl: string, timeoutMs: number): RazorpayClient {
  const sdk = new Razorpay({ key_id: credentials.keyId, key_secret: credentials.keySecret });
  const rq = sdkAxios(sdk);
  rq.defaults.baseURL = baseUrl;
  rq.defaults.timeout = timeoutMs;
  let failure: TransportFailure | null = null;
  rq.interceptors.response.use(
    (response) => {
      failure = null;
      return response;
    },
    (error) => {
      const e = error as { response?: unknown; code?: unknown };
      failure = e.response
        ? null
        : { code: typeof e.code === 'string' ? e.code : null, timedOut: e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' };
      return Promise.reject(error);
    },
  );
  return { sdk, transportFailure: () => failure };
}
