// CLI: rewrites src/shared/api/openapi.gen.ts from the document the content API serves.
import { writeFileSync } from 'node:fs';
import { fetchServedDocument, GENERATED_FILE, renderApiTypes } from './api-types.ts';

writeFileSync(GENERATED_FILE, await renderApiTypes(await fetchServedDocument()));
process.stdout.write(`wrote ${GENERATED_FILE}\n`);
