/**
 * 0001: the whole first schema (catalog, deals and rights, festivals,
 * releases and box office, provenance, users, settings, audit log).
 *
 * Portable types only: text, integer, bigint (money in minor units), text
 * dates and timestamps, text JSON, integer 0/1 flags. The one dialect branch
 * is the audit log's integer identity.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import {
  COMPANY_KINDS,
  CONTRACT_DIRECTIONS,
  CONTRACT_STATUSES,
  CREDIT_ROLES,
  DATE_PRECISIONS,
  FESTIVAL_KINDS,
  NEGOTIATOR_SIDES,
  PREMIERE_STATUSES,
  PRODUCTION_STATUSES,
  SELECTION_SLOTS,
  SOURCE_KINDS,
  TITLE_COMPANY_ROLES,
  TOKEN_SCOPES,
  USER_ROLES,
} from '../schema.js';
import { createdAtColumn, dateColumn, flagColumn, oneOf } from './portable.js';

// The vocabularies are frozen here as they were when this migration was written:
// a later change to schema.ts must come with its own migration.
const V = {
  PRODUCTION_STATUSES,
  COMPANY_KINDS,
  CREDIT_ROLES,
  TITLE_COMPANY_ROLES,
  CONTRACT_DIRECTIONS,
  CONTRACT_STATUSES,
  NEGOTIATOR_SIDES,
  FESTIVAL_KINDS,
  PREMIERE_STATUSES,
  SELECTION_SLOTS,
  DATE_PRECISIONS,
  SOURCE_KINDS,
  USER_ROLES,
  TOKEN_SCOPES,
} as const;

export function initial(dialect: StoreDialect): Migration {
  const createdAt = createdAtColumn(dialect);

  return {
    async up(db: Kysely<any>): Promise<void> {
      // ------------------------------------------------------------ catalog
      await db.schema
        .createTable('titles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('original_title', 'text', (c) => c.notNull())
        .addColumn('english_title', 'text')
        .addColumn('year', 'integer')
        .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('runtime_minutes', 'integer', (c) => c.check(sql`runtime_minutes > 0`))
        .addColumn('synopsis', 'text')
        .addColumn('source_material', 'text')
        .addColumn('source_material_note', 'text')
        .addColumn('production_status', 'text', (c) => c.check(oneOf('production_status', V.PRODUCTION_STATUSES)))
        .addColumn('created_at', 'text', createdAt)
        .addColumn('updated_at', 'text', createdAt)
        .execute();
      await db.schema.createIndex('titles_original_title_idx').on('titles').column('original_title').execute();

      await db.schema
        .createTable('title_aliases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id').onDelete('cascade'))
        .addColumn('alias', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('kind', 'text')
        .execute();
      await db.schema.createIndex('title_aliases_title_idx').on('title_aliases').column('title_id').execute();
      await db.schema.createIndex('title_aliases_alias_idx').on('title_aliases').column('alias').execute();

      await db.schema
        .createTable('people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sort_name', 'text')
        .execute();
      await db.schema.createIndex('people_name_idx').on('people').column('name').execute();

      await db.schema
        .createTable('companies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', V.COMPANY_KINDS)))
        .addColumn('country', 'text')
        .execute();
      await db.schema.createIndex('companies_name_idx').on('companies').column('name').execute();

      await db.schema
        .createTable('credits')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', V.CREDIT_ROLES)))
        .addColumn('character', 'text')
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('credits_title_idx').on('credits').columns(['title_id', 'role', 'position']).execute();
      await db.schema.createIndex('credits_person_idx').on('credits').column('person_id').execute();

      await db.schema
        .createTable('title_companies')
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id').onDelete('cascade'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', V.TITLE_COMPANY_ROLES)))
        .addPrimaryKeyConstraint('title_companies_pk', ['title_id', 'company_id', 'role'])
        .execute();
      await db.schema.createIndex('title_companies_company_idx').on('title_companies').column('company_id').execute();

      // ------------------------------------------------------------ festivals and markets
      // (before contracts, which may name the edition where a deal was made)
      await db.schema
        .createTable('festivals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', V.FESTIVAL_KINDS)))
        .addColumn('country', 'text')
        .addColumn('city', 'text')
        .execute();

      await db.schema
        .createTable('festival_editions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('festival_id', 'text', (c) => c.notNull().references('festivals.id').onDelete('cascade'))
        .addColumn('number', 'integer')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('start_date', 'text', dateColumn('start_date'))
        .addColumn('end_date', 'text', dateColumn('end_date'))
        .addUniqueConstraint('festival_editions_number_uq', ['festival_id', 'number'])
        .execute();
      await db.schema.createIndex('festival_editions_year_idx').on('festival_editions').columns(['festival_id', 'year']).execute();

      await db.schema
        .createTable('sections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('edition_id', 'text', (c) => c.notNull().references('festival_editions.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addUniqueConstraint('sections_name_uq', ['edition_id', 'name'])
        .execute();

      await db.schema
        .createTable('selections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('edition_id', 'text', (c) => c.notNull().references('festival_editions.id').onDelete('cascade'))
        .addColumn('section_id', 'text', (c) => c.references('sections.id').onDelete('set null'))
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id').onDelete('cascade'))
        .addColumn('premiere_status', 'text', (c) => c.check(oneOf('premiere_status', V.PREMIERE_STATUSES)))
        .addColumn('slot', 'text', (c) => c.check(oneOf('slot', V.SELECTION_SLOTS)))
        .addColumn('withdrawn', 'integer', flagColumn('withdrawn'))
        .addColumn('withdrawal_reason', 'text')
        .execute();
      await db.schema.createIndex('selections_title_idx').on('selections').column('title_id').execute();
      await db.schema.createIndex('selections_edition_idx').on('selections').column('edition_id').execute();

      await db.schema
        .createTable('awards')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('edition_id', 'text', (c) => c.notNull().references('festival_editions.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.references('people.id'))
        .addColumn('tied', 'integer', flagColumn('tied'))
        .addColumn('tie_group', 'text')
        .execute();
      await db.schema.createIndex('awards_title_idx').on('awards').column('title_id').execute();
      await db.schema.createIndex('awards_edition_idx').on('awards').column('edition_id').execute();

      // ------------------------------------------------------------ deals and rights
      await db.schema
        .createTable('contracts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.notNull().unique())
        .addColumn('direction', 'text', (c) => c.notNull().check(oneOf('direction', V.CONTRACT_DIRECTIONS)))
        .addColumn('licensor_id', 'text', (c) => c.references('companies.id'))
        .addColumn('licensee_id', 'text', (c) => c.references('companies.id'))
        .addColumn('sales_agent_id', 'text', (c) => c.references('companies.id'))
        .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', V.CONTRACT_STATUSES)))
        .addColumn('signed_on', 'text', dateColumn('signed_on'))
        .addColumn('announced_on', 'text', dateColumn('announced_on'))
        .addColumn('edition_id', 'text', (c) => c.references('festival_editions.id').onDelete('set null'))
        .addColumn('mg_amount', 'bigint')
        .addColumn('mg_currency', 'text', (c) => c.check(sql`length(mg_currency) = 3`))
        .addColumn('notes', 'text')
        .addColumn('override_reason', 'text')
        .addColumn('version', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(1)
            .check(sql`version >= 1`),
        )
        .addColumn('created_at', 'text', createdAt)
        .addColumn('updated_at', 'text', createdAt)
        .addColumn('deleted_at', 'text')
        .addCheckConstraint('contracts_mg_has_currency', sql`mg_amount is null or mg_currency is not null`)
        .execute();
      await db.schema.createIndex('contracts_licensor_idx').on('contracts').column('licensor_id').execute();
      await db.schema.createIndex('contracts_licensee_idx').on('contracts').column('licensee_id').execute();
      await db.schema.createIndex('contracts_status_idx').on('contracts').column('status').execute();

      await db.schema
        .createTable('contract_titles')
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id'))
        .addPrimaryKeyConstraint('contract_titles_pk', ['contract_id', 'title_id'])
        .execute();
      await db.schema.createIndex('contract_titles_title_idx').on('contract_titles').column('title_id').execute();

      // A rights block or holdback names a title that is on its contract:
      // the composite foreign key to contract_titles says so.
      await db.schema
        .createTable('rights_blocks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id'))
        .addColumn('territories', 'text', (c) => c.notNull())
        .addColumn('territory_codes', 'text', (c) => c.notNull())
        .addColumn('media', 'text', (c) => c.notNull())
        .addColumn('media_ids', 'text', (c) => c.notNull())
        .addColumn('languages', 'text')
        .addColumn('start_date', 'text', dateColumn('start_date'))
        .addColumn('end_date', 'text', dateColumn('end_date'))
        .addColumn('exclusive', 'integer', (c) => c.notNull().check(sql`exclusive in (0, 1)`))
        .addColumn('notes', 'text')
        .addForeignKeyConstraint(
          'rights_blocks_contract_title_fk',
          ['contract_id', 'title_id'],
          'contract_titles',
          ['contract_id', 'title_id'],
          (fk) => fk.onDelete('cascade'),
        )
        .addCheckConstraint('rights_blocks_term_order', sql`start_date is null or end_date is null or start_date <= end_date`)
        .execute();
      await db.schema.createIndex('rights_blocks_title_idx').on('rights_blocks').column('title_id').execute();
      await db.schema.createIndex('rights_blocks_contract_idx').on('rights_blocks').columns(['contract_id', 'title_id']).execute();

      await db.schema
        .createTable('holdbacks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id'))
        .addColumn('territories', 'text', (c) => c.notNull())
        .addColumn('territory_codes', 'text', (c) => c.notNull())
        .addColumn('media', 'text', (c) => c.notNull())
        .addColumn('media_ids', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', dateColumn('start_date'))
        .addColumn('end_date', 'text', dateColumn('end_date'))
        .addColumn('description', 'text', (c) => c.notNull())
        .addForeignKeyConstraint(
          'holdbacks_contract_title_fk',
          ['contract_id', 'title_id'],
          'contract_titles',
          ['contract_id', 'title_id'],
          (fk) => fk.onDelete('cascade'),
        )
        .addCheckConstraint('holdbacks_term_order', sql`start_date is null or end_date is null or start_date <= end_date`)
        .execute();
      await db.schema.createIndex('holdbacks_title_idx').on('holdbacks').column('title_id').execute();
      await db.schema.createIndex('holdbacks_contract_idx').on('holdbacks').columns(['contract_id', 'title_id']).execute();

      await db.schema
        .createTable('negotiators')
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('company_id', 'text', (c) => c.references('companies.id'))
        .addColumn('side', 'text', (c) => c.notNull().check(oneOf('side', V.NEGOTIATOR_SIDES)))
        .addPrimaryKeyConstraint('negotiators_pk', ['contract_id', 'person_id'])
        .execute();
      await db.schema.createIndex('negotiators_person_idx').on('negotiators').column('person_id').execute();

      // ------------------------------------------------------------ releases and box office
      await db.schema
        .createTable('releases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id').onDelete('cascade'))
        .addColumn('territory', 'text', (c) => c.notNull())
        .addColumn('release_date', 'text', dateColumn('release_date'))
        .addColumn('date_precision', 'text', (c) => c.notNull().defaultTo('day').check(oneOf('date_precision', V.DATE_PRECISIONS)))
        .addColumn('distributor_id', 'text', (c) => c.references('companies.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('releases_title_idx').on('releases').columns(['title_id', 'territory']).execute();

      await db.schema
        .createTable('box_office')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title_id', 'text', (c) => c.notNull().references('titles.id').onDelete('cascade'))
        .addColumn('territory', 'text')
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
        .addColumn('period_start', 'text', dateColumn('period_start'))
        .addColumn('period_end', 'text', dateColumn('period_end'))
        .addColumn('as_of', 'text', dateColumn('as_of'))
        .addColumn('is_cumulative', 'integer', (c) => c.notNull().check(sql`is_cumulative in (0, 1)`))
        .execute();
      await db.schema.createIndex('box_office_title_idx').on('box_office').columns(['title_id', 'territory']).execute();

      // ------------------------------------------------------------ users
      // (before provenance: a reviewed fact names its reviewer)
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', V.USER_ROLES)))
        .addColumn('can_see_financials', 'integer', flagColumn('can_see_financials'))
        .addColumn('created_at', 'text', createdAt)
        .addColumn('disabled', 'integer', flagColumn('disabled'))
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('scope', 'text', (c) => c.notNull().check(oneOf('scope', V.TOKEN_SCOPES)))
        .addColumn('name', 'text')
        .addColumn('created_at', 'text', createdAt)
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', createdAt)
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

      // ------------------------------------------------------------ provenance
      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', V.SOURCE_KINDS)))
        .addColumn('outlet', 'text')
        .addColumn('published_on', 'text', dateColumn('published_on'))
        .addColumn('url', 'text')
        .addColumn('file', 'text')
        .addColumn('title', 'text')
        .addColumn('text', 'text')
        .addColumn('created_at', 'text', createdAt)
        .execute();

      await db.schema
        .createTable('fact_sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id').onDelete('cascade'))
        .addColumn('fact_table', 'text', (c) => c.notNull())
        .addColumn('fact_id', 'text', (c) => c.notNull())
        .addColumn('span_start', 'integer', (c) => c.check(sql`span_start >= 0`))
        .addColumn('span_end', 'integer')
        .addColumn('quote', 'text')
        .addColumn('reviewed', 'integer', flagColumn('reviewed'))
        .addColumn('reviewed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('accepted', 'integer', flagColumn('accepted'))
        .addCheckConstraint('fact_sources_span_order', sql`span_start is null or span_end is null or span_start <= span_end`)
        .execute();
      await db.schema.createIndex('fact_sources_fact_idx').on('fact_sources').columns(['fact_table', 'fact_id']).execute();
      await db.schema.createIndex('fact_sources_source_idx').on('fact_sources').column('source_id').execute();

      // ------------------------------------------------------------ settings and audit
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigint', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('at', 'text', createdAt)
        .addColumn('user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('reason', 'text')
        .execute();
      await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
      await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of [
        'audit_log',
        'settings',
        'fact_sources',
        'sources',
        'sessions',
        'api_tokens',
        'users',
        'box_office',
        'releases',
        'negotiators',
        'holdbacks',
        'rights_blocks',
        'contract_titles',
        'contracts',
        'awards',
        'selections',
        'sections',
        'festival_editions',
        'festivals',
        'title_companies',
        'credits',
        'companies',
        'people',
        'title_aliases',
        'titles',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
