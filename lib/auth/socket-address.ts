import { type IncomingMessage, Server } from 'node:http';

const installed = Symbol.for('kspay.socketAddressStamp');

/**
 * Appends the TCP peer's address to X-Forwarded-For on every request this process serves, the way
 * a proxy hop does. Next does not expose the socket to route handlers or actions, and `next start`
 * sets X-Forwarded-For only when the client sent none, so without this the client would choose the
 * address the sign-in limiter counts. Installed by scripts/stamp-socket-address.mjs, preloaded with
 * `node --import` before Next starts: `next start` listens before `register()` runs, so requests
 * arriving during start-up (migrations) would otherwise pass unstamped. `register()` installs it
 * too, for servers started without the preload; installing twice is a no-op.
 */
export function stampSocketAddress() {
  const proto = Server.prototype as Server & { [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') appendPeer(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof emit;
}

function appendPeer(request: IncomingMessage) {
  const peer = request.socket?.remoteAddress;
  if (!peer) return;
  const sent = request.headers['x-forwarded-for'];
  const chain = Array.isArray(sent) ? sent.join(', ') : sent;
  request.headers['x-forwarded-for'] = chain ? `${chain}, ${peer}` : peer;
}
