const MAX_HEADER_LENGTH = 512;

/**
 * The API key a request presents: `Authorization: Bearer <key>`, or HTTP Basic with the key as
 * the user name and an empty password (what curl's `-u sk_test_…:` sends). Null when absent.
 */
export function readApiKey(request: Request | Headers): string | null {
  const headers = request instanceof Headers ? request : request.headers;
  const header = headers.get('authorization')?.trim();
  if (!header || header.length > MAX_HEADER_LENGTH) return null;

  const space = header.indexOf(' ');
  if (space < 0) return null;
  const scheme = header.slice(0, space).toLowerCase();
  const credentials = header.slice(space + 1).trim();
  if (!credentials) return null;

  if (scheme === 'bearer') return credentials;
  if (scheme === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const user = decoded.split(':', 1)[0];
    return user || null;
  }
  return null;
}
