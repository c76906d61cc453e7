// Worker thread launcher: lets the worker load the TypeScript module through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./graph-worker.ts');
