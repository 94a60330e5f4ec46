// Prints every operation of docs/openapi.yaml as `METHOD /api/v1/path`, one per line,
// sorted, with every path parameter written as `{id}`. `ticket-server --print-routes`
// prints its routes in the same form, and a test diffs the two.
//
// Usage: node routes.mjs [path/to/openapi.yaml]   (default: ../../docs/openapi.yaml)
// Needs `npm ci` in this folder first; it reads the file with Redocly's bundler
// (@redocly/openapi-core, which @redocly/cli brings), so $refs are resolved too.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, createConfig } from '@redocly/openapi-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const specPath = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'docs', 'openapi.yaml'));
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

try {
  const config = await createConfig({});
  const { bundle: doc, problems } = await bundle({ ref: specPath, config });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of errors) console.error(`${specPath}: ${p.message}`);
    process.exit(1);
  }
  const spec = doc.parsed;
  const base = (spec.servers?.[0]?.url ?? '').replace(/\/+$/, '');
  const lines = [];
  for (const [route, item] of Object.entries(spec.paths ?? {})) {
    const normalized = route.replace(/\{[^}]+\}/g, '{id}');
    for (const method of methods) {
      if (item && item[method]) lines.push(`${method.toUpperCase()} ${base}${normalized}`);
    }
  }
  // Plain code-unit order, the same as `LC_ALL=C sort`.
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
} catch (err) {
  console.error(`routes.mjs: cannot read ${specPath}: ${err.message}`);
  process.exit(1);
}
