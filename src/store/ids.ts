/**
 * Ids are text on both databases: a random UUID by default, or a short
 * readable reference chosen by the caller (e.g. "one-second", "neon").
 */
import { randomUUID } from 'node:crypto';

/** A new random id (UUID v4). */
export function newId(): string {
  return randomUUID();
}

const READABLE_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** True when `id` is a short readable ref: lower-case letters, digits and inner hyphens, at most 64 characters. */
export function isReadableId(id: string): boolean {
  return READABLE_ID.test(id);
}

/**
 * A readable id from a name: "One Second" → "one-second", "Titane" → "titane".
 * Accents are folded; anything else becomes a hyphen. Falls back to a UUID when
 * nothing readable is left (e.g. a title written only in Chinese characters).
 */
export function slugId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
  return slug === '' ? newId() : slug;
}

/** The tie group of an award given once per edition (ties share it): the edition and the award's name. */
export function defaultTieGroup(editionId: string, awardName: string): string {
  return `${editionId}:${slugId(awardName)}`;
}
