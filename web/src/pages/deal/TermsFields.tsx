/** The deal's terms (the MG for those who may see it, signature and announcement), its negotiators and notes. */
import { api } from '../../lib/api';
import { key } from '../../lib/dealDraft';
import type { Ref } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { Field, TextField } from '../../components/ui';
import type { DraftPart } from './draftPart';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'KRW', 'CAD', 'AUD', 'CHF', 'SEK', 'DKK', 'NOK', 'INR', 'BRL', 'MXN', 'HKD'];

export function TermsFields({ draft, update, err, writable, financials }: DraftPart & { financials: boolean }) {
  return (
    <fieldset className="panel" disabled={!writable}>
      <legend className="panel-legend">Terms and people</legend>
      <div className="form-grid">
        {!financials && (
          <p className="span-3 muted mg-hidden" data-testid="mg-hidden">
            MG: hidden (you do not have the financial-terms permission)
          </p>
        )}
        {financials && (
          <>
            <TextField
              label="Minimum guarantee"
              error={err('mg.amount') ?? err('mg')}
              type="text"
              inputMode="decimal"
              value={draft.mgAmount}
              onChange={(v) => update({ mgAmount: v })}
              placeholder="e.g. 150000.00"
            />
            <Field label="Currency" error={err('mg.currency')}>
              {(p) => (
                <>
                  <input
                    {...p}
                    type="text"
                    list="currencies"
                    maxLength={3}
                    value={draft.mgCurrency}
                    onChange={(e) => update({ mgCurrency: e.target.value.toUpperCase() })}
                  />
                  <datalist id="currencies">
                    {CURRENCIES.map((c) => (
                      <option key={c} value={c} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          </>
        )}
        <TextField label="Signed on" error={err('signedOn')} type="date" value={draft.signedOn} onChange={(v) => update({ signedOn: v })} />
        <TextField
          label="Announced on"
          error={err('announcedOn')}
          type="date"
          value={draft.announcedOn}
          onChange={(v) => update({ announcedOn: v })}
        />
      </div>
      <h3 className="h3 spaced">Negotiators</h3>
      {draft.negotiators.length === 0 && <p className="muted small">Who closed the deal, for each side.</p>}
      {draft.negotiators.map((n, i) => {
        const up = (patch: Partial<typeof n>) =>
          update({ negotiators: draft.negotiators.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
        return (
          <div key={n.key} className="form-grid negotiator" role="group" aria-label={`Negotiator ${i + 1}`}>
            <Field label="Person" error={err(`negotiators[${i}].personId`)}>
              {(p) => (
                <EntityPicker
                  {...p}
                  kind="people"
                  value={n.person}
                  onChange={(person) => up({ person })}
                  placeholder="Name"
                  onCreate={(name) => api.post<Ref>('/api/people', { name })}
                />
              )}
            </Field>
            <Field label="For company" error={err(`negotiators[${i}].companyId`)}>
              {(p) => (
                <EntityPicker {...p} kind="companies" value={n.company} onChange={(company) => up({ company })} placeholder="Company" />
              )}
            </Field>
            <Field label="Side">
              {(p) => (
                <select {...p} value={n.side} onChange={(e) => up({ side: e.target.value as 'licensor' | 'licensee' })}>
                  <option value="licensor">Licensor</option>
                  <option value="licensee">Licensee</option>
                </select>
              )}
            </Field>
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => update({ negotiators: draft.negotiators.filter((_, k) => k !== i) })}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn--small"
        onClick={() =>
          update({
            negotiators: [
              ...draft.negotiators,
              { key: key(), person: null, company: null, side: draft.negotiators.length % 2 ? 'licensee' : 'licensor' },
            ],
          })
        }
      >
        + Add negotiator
      </button>
      <Field label="Notes" error={err('notes')} className="spaced">
        {(p) => <textarea {...p} rows={3} value={draft.notes} onChange={(e) => update({ notes: e.target.value })} />}
      </Field>
    </fieldset>
  );
}
