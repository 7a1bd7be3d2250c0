// Worker entry: Node 20 cannot load .ts in a worker by itself, so the worker registers tsx (a dependency of
// every Ketang runtime: Node code runs from TypeScript) and then loads the real worker module.
import { register } from 'tsx/esm/api';

register();
await import('./textbook-worker.ts');
