'use client';

import { type ComponentType, useEffect, useState } from 'react';

/*
 * Toasts without sonner in the first load: `toast.*` loads sonner and mounts the Toaster on first use,
 * then shows the toast once the Toaster listens. The one way to toast: nothing imports 'sonner' itself.
 */
let requested = false;
let loadToaster: (() => void) | undefined;
let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

function ensureToaster() {
  if (!requested) {
    requested = true;
    loadToaster?.();
  }
  return ready;
}

async function show(kind: 'success' | 'error', message: string) {
  await ensureToaster();
  (await import('sonner')).toast[kind](message);
}

export const toast = {
  success: (message: string) => void show('success', message),
  error: (message: string) => void show('error', message),
};

/** Where the Toaster goes once something toasts (once, in the root providers). */
export function LazyToaster() {
  const [Toaster, setToaster] = useState<ComponentType>();
  useEffect(() => {
    loadToaster = () => void import('./sonner').then((m) => setToaster(() => m.Toaster));
    if (requested) loadToaster();
  }, []);
  return Toaster ? (
    <>
      <Toaster />
      <ToasterReady />
    </>
  ) : null;
}

// Runs after the Toaster's own effects (its earlier sibling), i.e. once it has subscribed to toasts.
function ToasterReady() {
  useEffect(() => markReady(), []);
  return null;
}
