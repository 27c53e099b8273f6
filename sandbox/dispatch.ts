import { authenticate, basicCredentials } from './accounts';
import { cashfreeRouter } from './cashfree-api';
import { cfAuthFailed, cfError } from './cashfree-errors';
import type { AccountContext, SandboxContext } from './context';
import { controlRouter } from './control-api';
import { faultReply } from './faults';
import { header, json, ReplyError, type Reply, type SandboxRequest } from './http';
import { razorpayRouter } from './razorpay-api';
import { rzpAuthFailed, rzpError } from './razorpay-errors';
import type { Router } from './router';
import type { GatewayName } from './state';

const PREFIX = { control: '/__sandbox', razorpay: '/razorpay', cashfree: '/cashfree/pg' } as const;

/** Runs a handler, turning a thrown ReplyError into its reply. */
async function settle(run: () => Reply | Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (caught) {
    if (caught instanceof ReplyError) return caught.reply;
    throw caught;
  }
}

function within(path: string, prefix: string): string | null {
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : null;
}

async function route<C>(router: Router<C>, req: SandboxRequest, path: string, context: C, notFound: () => Reply): Promise<Reply> {
  const match = router.match(req.method, path);
  if (!match) return notFound();
  if ('methodNotAllowed' in match) return { ...notFound(), status: 405 };
  return settle(() => match.handler({ ...req, path, params: match.params }, context));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Injected faults apply before the call, or after it for a response "lost" once the work was done. */
async function withFaults(ctx: SandboxContext, gateway: GatewayName, run: () => Promise<Reply>): Promise<Reply> {
  const fault = ctx.faults.take(gateway);
  if (fault && fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault?.status && !fault.after) return faultReply(gateway, fault.status);
  const reply = await settle(run);
  return fault?.status ? faultReply(gateway, fault.status) : reply;
}

function razorpay(req: SandboxRequest, path: string, ctx: SandboxContext): Promise<Reply> {
  return withFaults(ctx, 'razorpay', async () => {
    const credentials = basicCredentials(header(req, 'authorization'));
    const account = credentials && authenticate(ctx.state, 'razorpay', credentials.id, credentials.secret);
    if (!account) return rzpAuthFailed();
    const notFound = () => rzpError(404, 'The requested URL was not found on the server.');
    return route<AccountContext>(razorpayRouter, req, path, { ...ctx, account }, notFound);
  });
}

function cashfree(req: SandboxRequest, path: string, ctx: SandboxContext): Promise<Reply> {
  return withFaults(ctx, 'cashfree', async () => {
    const version = header(req, 'x-api-version');
    if (!version) return cfError(400, 'x-api-version : is missing in the request header', 'x-api-version_missing');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) return cfError(400, 'x-api-version : should be a date like 2025-01-01', 'x-api-version_invalid');
    const id = header(req, 'x-client-id');
    const secret = header(req, 'x-client-secret');
    const account = id && secret ? authenticate(ctx.state, 'cashfree', id, secret) : null;
    if (!account) return cfAuthFailed();
    const notFound = () => cfError(404, 'requested URL was not found', 'request_invalid');
    return route<AccountContext>(cashfreeRouter, req, path, { ...ctx, account }, notFound);
  });
}

export async function dispatch(req: SandboxRequest, ctx: SandboxContext): Promise<Reply> {
  const control = within(req.path, PREFIX.control);
  if (control) return route(controlRouter, req, control, ctx, () => json(404, { error: { code: 'not_found', message: 'no such sandbox endpoint' } }));
  const rzp = within(req.path, PREFIX.razorpay);
  if (rzp) return razorpay(req, rzp, ctx);
  const cf = within(req.path, PREFIX.cashfree);
  if (cf) {
    const reply = await cashfree(req, cf, ctx);
    const requestId = header(req, 'x-request-id');
    return requestId ? { ...reply, headers: { ...reply.headers, 'x-request-id': requestId } } : reply;
  }
  return json(404, { error: { code: 'not_found', message: 'paths start with /razorpay, /cashfree/pg or /__sandbox' } });
}
