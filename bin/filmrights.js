#!/usr/bin/env node
// Runs the TypeScript CLI (src/cli/main.ts) in place, through tsx's ESM loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
