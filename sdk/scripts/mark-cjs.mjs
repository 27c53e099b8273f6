// dist/cjs holds CommonJS while the package is "type": "module": this file tells Node (and TypeScript) so.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/cjs/package.json', import.meta.url), `${JSON.stringify({ type: 'commonjs' })}\n`);
