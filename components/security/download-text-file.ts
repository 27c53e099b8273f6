/** Saves text as a file from the browser: nothing is sent to, or stored on, a server. */
export function downloadTextFile(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function apiKeysEnvFile(params: { appId: string; secretKey: string; publicKey?: string; mode: string }) {
  return [
    `# KS Pay API keys for app ${params.appId} (${params.mode} mode).`,
    '# Keep this file on your server and out of version control.',
    `KSPAY_SECRET_KEY=${params.secretKey}`,
    ...(params.publicKey ? [`KSPAY_PUBLIC_KEY=${params.publicKey}`] : []),
    '',
  ].join('\n');
}
