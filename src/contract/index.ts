/**
 * The API contract: every request and response shape of the HTTP API, once, as TypeBox schemas
 * with their static types. The API validates with these schemas, the services take their input
 * types from here, and the web app imports the types (`import type` only: no TypeBox in its bundle).
 * Imports only `typebox` and src/domain.
 */
export * from './common.js';
export * from './catalog.js';
export * from './festivals.js';
export * from './market.js';
export * from './deals.js';
export * from './rights.js';
export * from './articles.js';
export * from './interchange.js';
export * from './users.js';
export * from './settings.js';
export * from './reference.js';
export * from '../domain/vocabulary.js';
export * from './views.js';
export * from './pages.js';
export * from './press.js';
export * from './money.js';
export * from './offers.js';
export * from './buyers.js';
export * from './marketDays.js';
