// A minimal Next app for the webhook benchmark's App Router floor (bench/webhook-throughput.mjs
// builds and starts it with the project's next). Its root is the repository's, so the route can
// import ../floor-work.mjs and the project's postgres.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default config;
