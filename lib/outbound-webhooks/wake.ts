// On globalThis: Next bundles instrumentation and each route apart, so module state is not shared.
const KEY = Symbol.for('kspay.outbound-webhooks.wake');
type Holder = { [KEY]?: Set<() => void> };

const listeners = () => ((globalThis as Holder)[KEY] ??= new Set());

/** Lets this process's delivery workers start at once on what was just queued (others poll). */
export function wakeDeliveryWorker() {
  for (const listener of listeners()) listener();
}

/** Registers `listener`; the answer unregisters it. */
export function onWake(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
