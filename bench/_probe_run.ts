import { storeBench } from './_store_probe.bench.js';
await storeBench();
