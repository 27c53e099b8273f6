import type { Metadata } from 'next';
import { connection } from 'next/server';
import { OperationSection, type Operation } from '@/components/docs/api-reference/operation';
import { SchemaTable } from '@/components/docs/api-reference/schema-table';
import type { JsonSchema } from '@/components/docs/api-reference/schema-type';
import { DocsShell, type TocEntry } from '@/components/docs/docs-shell';
import { openApiDocument } from '@/lib/api-v1/openapi';

export const metadata: Metadata = {
  title: 'API reference',
  description: 'Every endpoint of the KS Pay API, its parameters, bodies and answers, from the OpenAPI document.',
};

export default async function ApiReferencePage() {
  // The servers URL comes from APP_URL, runtime configuration.
  await connection();
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
  );
  const schemas = Object.entries(doc.components.schemas as Record<string, JsonSchema>);
  const toc: TocEntry[] = [
    { id: 'basics', title: 'Basics' },
    ...operations.map(({ operation }) => ({ id: operation.operationId, title: operation.summary })),
    { id: 'objects', title: 'Objects' },
  ];
  return (
    <DocsShell title="API reference" lead={doc.info.description} toc={toc}>
      <h2 id="basics">Basics</h2>
      <ul>
        <li>
          Base URL: <code>{doc.servers[0]!.url}</code>. The machine-readable description is{' '}
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1), generated from the schemas the API validates with.
        </li>
        <li>
          Errors have one shape: <code>{'{ "error": { "type", "code", "message", "param"? }, "request_id" }'}</code>.
        </li>
        <li>
          Send an <code>Idempotency-Key</code> with every POST; the <a href="/docs/npm-integration">kspay package</a> does it for you and retries safely.
        </li>
      </ul>
      <h2 id="endpoints">Endpoints</h2>
      {operations.map(({ path, method, operation }) => (
        <OperationSection key={operation.operationId} method={method} path={path} operation={operation} />
      ))}
      <h2 id="objects">Objects</h2>
      {schemas.map(([name, schema]) => (
        <section key={name} aria-labelledby={`schema-${name}`}>
          <h3 id={`schema-${name}`}>{name}</h3>
          <SchemaTable name={name} schema={schema} />
        </section>
      ))}
    </DocsShell>
  );
}
