import type { Reply, SandboxRequest } from './http';

export type Handler<C> = (req: SandboxRequest, context: C) => Reply | Promise<Reply>;

interface Route<C> {
  method: string;
  segments: string[];
  handler: Handler<C>;
}

export type Match<C> = { handler: Handler<C>; params: Record<string, string> } | { methodNotAllowed: true } | null;

/** Tiny method + path router; `:name` segments become params. */
export class Router<C> {
  private readonly routes: Route<C>[] = [];

  on(method: string, pattern: string, handler: Handler<C>): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): Match<C> {
    const parts = path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? { methodNotAllowed: true } : null;
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const part = parts[i]!;
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(part);
      } catch {
        return null;
      }
    } else if (seg !== part) return null;
  }
  return params;
}
