'use client';

import * as React from 'react';
import { ThemeProvider as NextThemesProvider } from 'next-themes';

/*
 * next-themes renders an inline <script> that sets the theme class before first paint. It only has
 * to run from the server HTML; when React creates it on the client (client render/remount) React 19
 * logs "Encountered a script tag while rendering React component". Marking the client-side copy as
 * a data block (type="text/plain") silences that without touching the SSR script (the element has
 * suppressHydrationWarning, so the differing attribute is ignored during hydration).
 */
const scriptProps = typeof window === 'undefined' ? undefined : { type: 'text/plain' };

export function ThemeProvider({ children, ...props }: React.ComponentProps<typeof NextThemesProvider>) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      scriptProps={scriptProps}
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}
