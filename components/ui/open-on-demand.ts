'use client';

import { type KeyboardEvent, useState } from 'react';

/**
 * A popup (menu, dialog, sheet) whose code loads when it is first wanted instead of with the page.
 * Until then its trigger renders with these props (the closed state a Radix trigger would announce);
 * pointing at or focusing it starts the download, activating it loads and opens the popup, which then
 * renders its own Radix trigger in the placeholder's place and stays loaded.
 */
export function useOpenOnDemand<C>(load: () => Promise<C>, popup: 'menu' | 'dialog') {
  const [loaded, setLoaded] = useState<C>();
  const open = () => void load().then((component) => setLoaded(() => component));
  const preload = () => void load();
  const triggerProps = {
    'aria-haspopup': popup,
    'aria-expanded': false,
    'data-state': 'closed',
    onClick: open,
    onPointerEnter: preload,
    onFocus: preload,
    onKeyDown: (event: KeyboardEvent) => {
      if (popup === 'menu' && event.key === 'ArrowDown') {
        event.preventDefault();
        open();
      }
    },
  } as const;
  return [loaded, triggerProps] as const;
}
