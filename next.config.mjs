/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships ~15 MB of wasm/data; bundling it would publish it under .next/static.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // The integration guide shows the example files as they are (lib/docs/example-source.ts).
  outputFileTracingIncludes: {
    '/docs/npm-integration': [
      './examples/express/server.mjs',
      './examples/express/webhooks.mjs',
      './examples/nextjs/app/api/checkout/route.ts',
      './examples/nextjs/app/api/webhooks/kspay/route.ts',
    ],
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
