// Worker entry from the TypeScript sources: Node 20 cannot load .ts in a worker by itself, so the worker
// registers tsx first and then hands piscina the real task function. The compiled server (content-api/dist)
// uses its bundled textbook-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./textbook-worker.ts');
export default worker.default;
