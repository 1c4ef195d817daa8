/**
 * A buyer's contacts: people with a role, an e-mail address (checked) and a phone number; a
 * contact may be linked to a person record of the catalog, or stand alone.
 */
import type { Kysely } from 'kysely';
import { checkEmail, checkPhone } from '../../domain/buyers.js';
import { invalid } from '../../domain/errors.js';
import { newId, type Database } from '../../store/index.js';
import type { ContactInput, ContactPatch, ContactView } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { optionalText } from '../lookup.js';

export interface ContactRow {
  person_id: string | null;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

async function checkContact(db: Kysely<Database>, c: ContactInput, prefix: string, before?: ContactRow): Promise<ContactRow> {
  const personId = c.personId === undefined ? (before?.person_id ?? null) : c.personId;
  let personName: string | null = null;
  if (personId) {
    const p = await db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst();
    if (!p) throw invalid(`${prefix}personId`, personId, `${prefix}personId: no person "${personId}"`);
    personName = p.name;
  }
  const name = (c.name === undefined ? before?.name : optionalText(c.name, `${prefix}name`)) ?? personName;
  if (!name) throw invalid(`${prefix}name`, c.name, `${prefix}name: required (or link the contact to a person with personId)`);
  const email = c.email === undefined ? (before?.email ?? null) : optionalText(c.email, `${prefix}email`);
  const phone = c.phone === undefined ? (before?.phone ?? null) : optionalText(c.phone, `${prefix}phone`);
  return {
    person_id: personId,
    name,
    role: c.role === undefined ? (before?.role ?? null) : optionalText(c.role, `${prefix}role`),
    email: email === null ? null : checkEmail(email, `${prefix}email`),
    phone: phone === null ? null : checkPhone(phone, `${prefix}phone`),
  };
}

/** A contact's own fields checked (no person lookup): for an import, which resolves the person by name. */
export interface CheckedContactFields {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export function checkContactFields(
  c: { name?: unknown; role?: unknown; email?: unknown; phone?: unknown },
  prefix: string,
): CheckedContactFields {
  const name = optionalText(c.name, `${prefix}name`);
  if (!name) throw invalid(`${prefix}name`, c.name, `${prefix}name: required`);
  const email = optionalText(c.email, `${prefix}email`);
  const phone = optionalText(c.phone, `${prefix}phone`);
  return {
    name,
    role: optionalText(c.role, `${prefix}role`),
    email: email === null ? null : checkEmail(email, `${prefix}email`),
    phone: phone === null ? null : checkPhone(phone, `${prefix}phone`),
  };
}

/** Adds a contact inside the caller's transaction (the buyer must exist). */
export async function addContactIn(trx: Kysely<Database>, actor: Actor, buyerId: string, c: ContactInput, prefix = ''): Promise<string> {
  return insertContactIn(trx, actor, buyerId, await checkContact(trx, c, prefix));
}

/** Writes a checked contact with its audit entry, in the caller's transaction. */
export async function insertContactIn(trx: Kysely<Database>, actor: Actor, buyerId: string, row: ContactRow): Promise<string> {
  const id = newId();
  await trx
    .insertInto('buyer_contacts')
    .values({ id, buyer_id: buyerId, ...row })
    .execute();
  await audit(trx, actor, { action: 'create', entity: 'buyer_contacts', entityId: id, before: null, after: { id, buyerId, ...row } });
  return id;
}

async function requireBuyer(db: Kysely<Database>, buyerId: string): Promise<void> {
  if (!(await db.selectFrom('buyers').select('company_id').where('company_id', '=', buyerId).executeTakeFirst()))
    throw new NotFoundError('buyer', buyerId);
}

export async function addContact(app: FilmRights, actor: Actor, buyerId: string, c: ContactInput): Promise<ContactView> {
  requireWriter(actor);
  const id = await app.store.transaction(async (trx) => {
    await requireBuyer(trx, buyerId);
    return addContactIn(trx, actor, buyerId, c);
  });
  return (await listContacts(app.store.db, buyerId)).find((x) => x.id === id)!;
}

async function contactOf(db: Kysely<Database>, buyerId: string, id: string) {
  const row = await db.selectFrom('buyer_contacts').selectAll().where('id', '=', id).where('buyer_id', '=', buyerId).executeTakeFirst();
  if (!row) throw new NotFoundError('contact', id);
  return row;
}

export async function updateContact(app: FilmRights, actor: Actor, buyerId: string, id: string, patch: ContactPatch): Promise<ContactView> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const before = await contactOf(trx, buyerId, id);
    const row = await checkContact(trx, patch, '', before);
    await trx.updateTable('buyer_contacts').set(row).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'buyer_contacts', entityId: id, before, after: { ...before, ...row } });
  });
  return (await listContacts(app.store.db, buyerId)).find((x) => x.id === id)!;
}

export async function deleteContact(app: FilmRights, actor: Actor, buyerId: string, id: string): Promise<void> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const before = await contactOf(trx, buyerId, id);
    await trx.deleteFrom('buyer_contacts').where('id', '=', id).execute();
    await audit(trx, actor, { action: 'delete', entity: 'buyer_contacts', entityId: id, before, after: null });
  });
}

export async function listContacts(db: Kysely<Database>, buyerId: string): Promise<ContactView[]> {
  const rows = await db
    .selectFrom('buyer_contacts as c')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.name', 'c.role', 'c.email', 'c.phone', 'p.id as person_id', 'p.name as person_name'])
    .where('c.buyer_id', '=', buyerId)
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    person: r.person_id ? { id: r.person_id, name: r.person_name ?? '' } : null,
    name: r.name,
    role: r.role,
    email: r.email,
    phone: r.phone,
  }));
}
