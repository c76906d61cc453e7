#!/usr/bin/env node
// Launcher of the chorus command: lets Node run the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
