/**
 * The two databases the store runs on. Its own module so that the migrations
 * and the store that runs them both name it without importing each other.
 */
export type StoreDialect = 'sqlite' | 'postgres';
