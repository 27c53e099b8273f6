import { en } from 'zod/locales';
import { config } from 'zod/mini';

/**
 * zod/mini, for schemas that client components import too: classic zod would add ~45 kB to their
 * bundle. Unlike classic zod, zod/mini registers no locale, so issues without a message of their own
 * would read just "Invalid input"; English keeps them as classic zod words them.
 */
config(en());

export * from 'zod/mini';
