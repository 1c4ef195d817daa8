/**
 * The catalog: titles (with their aliases), credits and the companies on a
 * title. Every write is one transaction with its audit entry; every check
 * names the field. The rooms, in ./catalog/:
 *
 * - checks.ts: the input shapes and their checks;
 * - titleWrites.ts: create and update a title;
 * - credits.ts: a title's credits and companies, as lists or one at a time;
 * - snapshot.ts: a title as its history keeps it;
 * - deleteRestore.ts: delete a title nothing refers to, restore a deleted one;
 * - search.ts: titles by name, and the catalog list with its search;
 * - titlePage.ts: the title page (`getTitle`).
 *
 * This module re-exports them all, so `services/catalog.js` stays the one
 * place callers import the catalog from.
 */
export {
  MAX_CREDITS,
  checkCompanyEntries,
  checkCredit,
  checkCreditEntries,
  checkTitle,
  mustExist,
  type AliasInput,
  type CheckedCompanyEntry,
  type CheckedCredit,
  type CheckedCreditEntry,
  type CheckedTitle,
  type CreditEntryInput,
  type CreditInput,
  type TitleCompanyEntryInput,
  type TitleInput,
} from './catalog/checks.js';
export { createTitle, insertTitle, updateTitle } from './catalog/titleWrites.js';
export {
  addCredit,
  addTitleCompany,
  insertCredit,
  insertTitleCompany,
  removeCredit,
  removeTitleCompany,
  writeCredits,
  writeTitleCompanies,
} from './catalog/credits.js';
export { readTitleSnapshot, type TitleSnapshot } from './catalog/snapshot.js';
export { deleteTitle, nonZero, restoreTitle, titleUses, type DeleteResult, type RestoreResult } from './catalog/deleteRestore.js';
export { deletedSnapshot, latestAuditEntry } from './audit.js';
export { TitleIndex, listTitles, resolveFestival, resolveTitle, type TitleListItem, type TitleListParams } from './catalog/search.js';
export { dateLabel, getTitle, type ContractSummary, type TitleDetail } from './catalog/titlePage.js';
