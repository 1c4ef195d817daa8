/** The store layer: open the database, its schema types, and the column helpers. */
export { openDatabase, StoreConfigError, DEFAULT_SQLITE_FILE, SQLITE_BUSY_TIMEOUT_MS } from './db.js';
export type { OpenOptions, Store, StoreDialect, SchemaUpgrade } from './db.js';
export {
  migrateToLatest,
  migrations,
  appliedMigrations,
  MigrationError,
  NewerSchemaError,
  MIGRATION_NAMES,
  SCHEMA_VERSION,
} from './migrations/index.js';
export * from './schema.js';
export { toJson, parseJson, type JsonText } from './json.js';
export { newId, slugId, isReadableId, defaultTieGroup } from './ids.js';
export { flag, isSet, minorUnits, isIsoDate, nowIso, formatReleaseDate } from './values.js';
export { isUniqueViolation, isForeignKeyViolation, isCheckViolation } from './errors.js';
