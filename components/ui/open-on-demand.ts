'use client';

import { type FocusEvent, type KeyboardEvent, type MouseEvent, useRef, useState } from 'react';

/**
 * A popup (menu, dialog, sheet) whose code loads when it is first wanted instead of with the page.
 * Until then its trigger renders with these props (the closed state a Radix trigger would announce);
 * pointing at or focusing it starts the download, activating it loads and opens the popup, which then
 * renders its own Radix trigger in the placeholder's place and stays loaded. `byKeyboard` says whether
 * that first opening came from the keyboard (a menu then focuses its first item, as Radix does).
 */
export function useOpenOnDemand<C>(load: () => Promise<C>, popup: 'menu' | 'dialog') {
  const [loaded, setLoaded] = useState<C>();
  const [byKeyboard, setByKeyboard] = useState(false);
  const open = (keyboard: boolean) => {
    setByKeyboard(keyboard);
    void load().then((component) => setLoaded(() => component));
  };
  const preload = () => void load();
  const triggerProps = {
    'aria-haspopup': popup,
    'aria-expanded': false,
    'data-state': 'closed',
    // A click that Enter or Space made has a click count (`detail`) of 0.
    onClick: (event: MouseEvent) => open(event.detail === 0),
    onPointerEnter: preload,
    onFocus: preload,
    onKeyDown: (event: KeyboardEvent) => {
      if (popup === 'menu' && event.key === 'ArrowDown') {
        event.preventDefault();
        open(true);
      }
    },
  } as const;
  return [loaded, triggerProps, byKeyboard] as const;
}

/**
 * For a menu loaded by `useOpenOnDemand`: Radix focuses the first item when the keyboard opens a
 * menu, but on the first opening it was not loaded yet to see the key, so it focuses the menu
 * itself. This `onFocus` (for the menu content) moves focus on to the first item, once.
 */
export function useFocusFirstItemOnce(focusFirstItem: boolean) {
  const pending = useRef(focusFirstItem);
  return (event: FocusEvent<HTMLElement>) => {
    if (!pending.current || event.target !== event.currentTarget) return;
    pending.current = false;
    event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  };
}
