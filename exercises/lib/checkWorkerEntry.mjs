// The worker's entry point: loader hooks are per thread, so register the TypeScript loader here
// before loading the check (a worker does not inherit `node --import tsx`).
import { register } from 'tsx/esm/api';

register();
await import('./checkWorker.ts');
