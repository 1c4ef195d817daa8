/**
 * An offer's terms as a form: titles, territories and media (as in the deal editor), languages,
 * term (end date or duration), exclusivity, conditions and, for users allowed to see money, the MG
 * and the payment schedule. The draft turns into the API's terms with `termsOf`.
 */
import type { OfferTermsInput, OfferVersion, Ref } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { MediaPicker } from '../../components/MediaPicker';
import { TerritoryInput } from '../../components/TerritoryInput';
import { Field } from '../../components/ui';

export interface TermsDraft {
  titles: Ref[];
  territories: string;
  media: string;
  languages: string;
  start: string;
  end: string;
  durationMonths: string;
  exclusive: boolean;
  conditions: string;
  mgAmount: string;
  mgCurrency: string;
  /** One instalment a line: "label; percent; due". */
  schedule: string;
  /** One holdback a line: "territories; media; last day (or empty); what it forbids". */
  holdbacks: string;
}

export function emptyDraft(today: string): TermsDraft {
  return {
    titles: [],
    territories: '',
    media: 'All Media',
    languages: '',
    start: today,
    end: '',
    durationMonths: '84',
    exclusive: true,
    conditions: '',
    mgAmount: '',
    mgCurrency: 'EUR',
    schedule: '',
    holdbacks: '',
  };
}

export function draftOf(v: OfferVersion): TermsDraft {
  return {
    titles: v.titles,
    territories: v.territories,
    media: v.media,
    languages: (v.languages ?? []).join(', '),
    start: v.start,
    end: v.durationMonths ? '' : (v.end ?? ''),
    durationMonths: v.durationMonths ? String(v.durationMonths) : '',
    exclusive: v.exclusive,
    conditions: v.conditions ?? '',
    mgAmount: v.mg?.amount ?? '',
    mgCurrency: v.mg?.currency ?? 'EUR',
    schedule: (v.paymentSchedule ?? []).map((p) => [p.label, p.percent ?? '', p.due].join('; ')).join('\n'),
    holdbacks: v.holdbacks.map((h) => [h.territories, h.media, h.end ?? '', h.description].join('; ')).join('\n'),
  };
}

/** The API's terms; money only when `money` (the user may see and set it). */
export function termsOf(d: TermsDraft, money: boolean): OfferTermsInput {
  const languages = d.languages
    .split(/[,\s]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const terms: OfferTermsInput = {
    titleIds: d.titles.map((t) => t.id),
    territories: d.territories,
    media: d.media,
    languages: languages.length ? languages : null,
    start: d.start,
    exclusive: d.exclusive,
    conditions: d.conditions.trim() || null,
    holdbacks: d.holdbacks
      .split('\n')
      .map((l) => l.split(';').map((x) => x.trim()))
      .filter((p) => p.some(Boolean))
      .map(([territories, media, end, description]) => ({
        territories: territories ?? '',
        media: media ?? '',
        end: end || null,
        description: description ?? '',
      })),
  };
  if (d.durationMonths.trim()) terms.durationMonths = Number(d.durationMonths);
  else terms.end = d.end || null;
  if (money) {
    terms.mg = d.mgAmount.trim() ? { amount: d.mgAmount.trim(), currency: d.mgCurrency.trim().toUpperCase() } : null;
    const steps = d.schedule
      .split('\n')
      .map((l) => l.split(';').map((x) => x.trim()))
      .filter((p) => p[0]);
    terms.paymentSchedule = steps.length
      ? steps.map(([label, percent, due]) => ({ label, percent: percent || null, due: due ?? '' }))
      : null;
  }
  return terms;
}

export function TermsForm({
  draft,
  onChange,
  money,
  errors,
}: {
  draft: TermsDraft;
  onChange: (d: TermsDraft) => void;
  money: boolean;
  errors: Record<string, string>;
}) {
  const set = (patch: Partial<TermsDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="offer-terms">
      <Field label="Titles" error={errors.titleIds}>
        {(p) => (
          <EntityPicker
            {...p}
            kind="titles"
            multiple
            value={draft.titles}
            onChange={(v) => set({ titles: v })}
            placeholder="Type a title"
          />
        )}
      </Field>
      <Field label="Territories" error={errors.territories} hint="As in a deal: France, Benelux; Worldwide excl. China">
        {(p) => <TerritoryInput {...p} value={draft.territories} onChange={(v) => set({ territories: v })} />}
      </Field>
      <Field label="Media" error={errors.media}>
        {(p) => <MediaPicker {...p} value={draft.media} onChange={(v) => set({ media: v })} />}
      </Field>
      <div className="offer-row">
        <Field label="Languages" error={errors.languages} hint="Empty: all languages">
          {(p) => (
            <input
              {...p}
              type="text"
              value={draft.languages}
              onChange={(e) => set({ languages: e.target.value })}
              placeholder="e.g. de, fr"
            />
          )}
        </Field>
        <Field label="Exclusive">
          {(p) => (
            <select {...p} value={draft.exclusive ? 'yes' : 'no'} onChange={(e) => set({ exclusive: e.target.value === 'yes' })}>
              <option value="yes">Exclusive</option>
              <option value="no">Non-exclusive</option>
            </select>
          )}
        </Field>
      </div>
      <div className="offer-row">
        <Field label="Term starts" error={errors.start}>
          {(p) => <input {...p} type="date" value={draft.start} onChange={(e) => set({ start: e.target.value })} />}
        </Field>
        <Field label="Duration (months)" error={errors.durationMonths} hint="Or leave empty and give an end">
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              value={draft.durationMonths}
              onChange={(e) => set({ durationMonths: e.target.value.replace(/\D/g, '') })}
            />
          )}
        </Field>
        <Field label="Term ends" error={errors.end ?? errors['term.end']} hint="Empty with no duration: perpetuity">
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.end}
              disabled={Boolean(draft.durationMonths)}
              onChange={(e) => set({ end: e.target.value })}
            />
          )}
        </Field>
      </div>
      {money && (
        <div className="offer-row">
          <Field label="Minimum guarantee" error={errors['mg.amount'] ?? errors.mg}>
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="decimal"
                value={draft.mgAmount}
                onChange={(e) => set({ mgAmount: e.target.value })}
                placeholder="e.g. 250000"
              />
            )}
          </Field>
          <Field label="Currency" error={errors['mg.currency']}>
            {(p) => (
              <input
                {...p}
                type="text"
                value={draft.mgCurrency}
                maxLength={3}
                onChange={(e) => set({ mgCurrency: e.target.value.toUpperCase() })}
              />
            )}
          </Field>
        </div>
      )}
      {money && (
        <Field label="Payment schedule" error={errors.paymentSchedule} hint="One instalment a line: label; % of the MG; when due">
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={draft.schedule}
              onChange={(e) => set({ schedule: e.target.value })}
              placeholder="Signature; 20; on signature"
            />
          )}
        </Field>
      )}
      <Field
        label="Holdbacks"
        error={Object.entries(errors).find(([k]) => k.startsWith('holdbacks'))?.[1]}
        hint="One a line: territories; media; last day (or empty); what it forbids"
      >
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={draft.holdbacks}
            onChange={(e) => set({ holdbacks: e.target.value })}
            placeholder="United States; SVOD; 2028-06-30; no SVOD before the theatrical window ends"
          />
        )}
      </Field>
      <Field label="Conditions" error={errors.conditions}>
        {(p) => <textarea {...p} rows={2} value={draft.conditions} onChange={(e) => set({ conditions: e.target.value })} />}
      </Field>
    </div>
  );
}
