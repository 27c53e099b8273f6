import { Badge } from '@/components/ui/badge';
import { DocsTable } from '@/components/docs/npm-integration/docs-table';
import { describeType, type JsonSchema, refName } from './schema-type';

export type Operation = {
  operationId: string;
  summary: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const bodyRef = (content?: Record<string, { schema: JsonSchema }>) => content?.['application/json']?.schema.$ref;

/** One endpoint of the reference: method and path, parameters, body and answers. */
export function OperationSection({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const body = bodyRef(operation.requestBody?.content);
  return (
    <section aria-labelledby={operation.operationId}>
      <h3 id={operation.operationId} className="flex flex-wrap items-center gap-2">
        <Badge variant="outline" className="font-mono uppercase">
          {method}
        </Badge>
        <code>/api/v1{path}</code>
        <span className="text-base font-normal text-muted-foreground">{operation.summary}</span>
      </h3>
      {operation.parameters && operation.parameters.length > 0 && (
        <DocsTable
          label={`${operation.summary}: parameters`}
          head={['Parameter', 'In', 'Type', 'Notes']}
          rows={operation.parameters.map((p) => [
            <code key="n">{p.name}</code>,
            p.in,
            <span key="t" className="font-mono text-xs break-all">
              {describeType(p.schema)}
            </span>,
            [p.required ? 'Required.' : '', p.schema.description ?? '', p.description ?? ''].filter(Boolean).join(' '),
          ])}
        />
      )}
      {body && (
        <p>
          Body: <a href={`#schema-${refName(body)}`}>{refName(body)}</a> (JSON).
        </p>
      )}
      <DocsTable
        label={`${operation.summary}: answers`}
        head={['Status', 'Body', 'When']}
        rows={Object.entries(operation.responses).map(([status, response]) => {
          const ref = bodyRef(response.content);
          return [
            <code key="s">{status}</code>,
            ref ? (
              <a key="b" href={`#schema-${refName(ref)}`}>
                {refName(ref)}
              </a>
            ) : (
              '—'
            ),
            response.description,
          ];
        })}
      />
    </section>
  );
}
