/**
 * An offer's terms: checked from the request (every error names its field), parsed into the
 * sets the engine asks, and turned into the contract a hold or a signature writes.
 */
import { BEGINNING, checkTerm, formatDay, parseDay, parseEndDay, PERPETUITY } from '../../domain/dates.js';
import { invalid } from '../../domain/errors.js';
import { parseLanguages } from '../../domain/languages.js';
import { mediaLabel, parseMedia } from '../../domain/media.js';
import { endOfDuration, type OfferMoney, type OfferTerms, type ParsedOffer, type PaymentStep } from '../../domain/offers.js';
import { parseTerritories, territoryLabel } from '../../domain/territories.js';
import type { OfferTermsInput } from '../../contract/index.js';
import type { Actor } from '../app.js';
import { requireFinancialWrite } from '../access.js';
import { parseMoney, formatMoney } from '../money.js';

/** The terms as checked: what is stored (terms, money) and what the engine asks (parsed). */
export interface CheckedTerms {
  terms: OfferTerms;
  /** undefined: not given (a counter by someone who may not see money keeps the money of the version it answers). */
  mg: { minor: number; currency: string } | null | undefined;
  paymentSchedule: PaymentStep[] | null | undefined;
  parsed: ParsedOffer;
}

/** Checks the terms of a version; money only from a user with the financial-terms permission. */
export function checkTerms(actor: Actor | null, input: OfferTermsInput): CheckedTerms {
  if (actor)
    requireFinancialWrite(
      actor,
      Object.keys(input).filter((k) => input[k as keyof OfferTermsInput] !== undefined),
    );
  const titleIds = [...new Set(input.titleIds)];
  if (!titleIds.length) throw invalid('titleIds', input.titleIds, 'titleIds: an offer names at least one title');
  const territories = parseTerritories(input.territories ?? '', 'territories');
  const media = parseMedia(input.media ?? '', 'media');
  const languages = parseLanguages(input.languages ?? null, 'languages');
  const start = parseDay(input.start, 'start');
  const months = input.durationMonths ?? null;
  if (months !== null && input.end)
    throw invalid('durationMonths', months, 'durationMonths: give either an end date or a duration, not both');
  const end = months !== null ? endOfDuration(start, months) : parseEndDay(input.end ?? null, 'end');
  checkTerm(start, end, 'term');
  const holdbacks = (input.holdbacks ?? []).map((h, i) => {
    const f = `holdbacks[${i}]`;
    if (!h.description.trim()) throw invalid(`${f}.description`, h.description, `${f}.description: say what the holdback forbids`);
    parseTerritories(h.territories, `${f}.territories`);
    parseMedia(h.media, `${f}.media`);
    const hs = h.start ? parseDay(h.start, `${f}.start`) : BEGINNING;
    const he = parseEndDay(h.end ?? null, `${f}.end`);
    checkTerm(hs, he, f);
    return {
      territories: h.territories.trim(),
      media: h.media.trim(),
      start: h.start ?? null,
      end: he === PERPETUITY ? null : formatDay(he),
      description: h.description.trim(),
    };
  });
  const mg = input.mg === undefined ? undefined : input.mg === null ? null : parseMoney(input.mg, 'mg');
  const paymentSchedule =
    input.paymentSchedule === undefined
      ? undefined
      : input.paymentSchedule === null
        ? null
        : input.paymentSchedule.map((p, i) => {
            if (!p.label.trim()) throw invalid(`paymentSchedule[${i}].label`, p.label, `paymentSchedule[${i}].label: name the instalment`);
            return { label: p.label.trim(), percent: p.percent ?? null, due: p.due.trim() };
          });
  if (paymentSchedule) {
    const total = paymentSchedule.reduce((n, p) => n + (p.percent === null ? 0 : Number(p.percent)), 0);
    if (total > 100)
      throw invalid('paymentSchedule', total, `paymentSchedule: the instalments add up to ${total}% of the MG, more than 100%`);
  }
  const terms: OfferTerms = {
    titleIds,
    territories: input.territories.trim(),
    media: input.media.trim(),
    languages,
    start: formatDay(start),
    end: end === PERPETUITY ? null : formatDay(end),
    durationMonths: months,
    exclusive: input.exclusive ?? true,
    holdbacks,
    conditions: input.conditions?.trim() || null,
  };
  return {
    terms,
    mg,
    paymentSchedule,
    parsed: { titles: titleIds, territories, media, languages, start, end, exclusive: terms.exclusive },
  };
}

/** The rights a stored version asks. */
export function parsedOf(t: OfferTerms): ParsedOffer {
  return {
    titles: t.titleIds,
    territories: parseTerritories(t.territories, 'territories'),
    media: parseMedia(t.media, 'media'),
    languages: t.languages,
    start: parseDay(t.start, 'start'),
    end: parseEndDay(t.end, 'end'),
    exclusive: t.exclusive,
  };
}

export function labelsOf(p: ParsedOffer): { territoryLabel: string; mediaLabel: string } {
  return { territoryLabel: territoryLabel(p.territories), mediaLabel: mediaLabel(p.media) };
}

/** Stored money as the API shows it. */
export function moneyOf(amount: number | null, currency: string | null): OfferMoney['mg'] {
  return amount === null || currency === null ? null : formatMoney(Number(amount), currency);
}
