import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, termsOf } from './TermsForm';

describe("the offer form's terms", () => {
  const draft = {
    ...emptyDraft('2027-01-01'),
    titles: [{ id: 'one-second', name: 'One Second' }],
    territories: 'Germany, Austria',
    languages: 'de, fr',
    mgAmount: '150000',
    mgCurrency: 'eur',
    schedule: 'Signature; 20; on signature\nDelivery; 80; on delivery',
    holdbacks: 'Germany; SVOD; 2028-06-30; no SVOD before the theatrical window ends',
  };

  it('give the term as a duration, or as an end when no duration is given', () => {
    expect(termsOf(draft, false)).toMatchObject({
      titleIds: ['one-second'],
      languages: ['de', 'fr'],
      start: '2027-01-01',
      durationMonths: 84,
    });
    expect(termsOf(draft, false).end).toBeUndefined();
    const ended = termsOf({ ...draft, durationMonths: '', end: '2030-12-31' }, false);
    expect(ended.end).toBe('2030-12-31');
    expect(ended.durationMonths).toBeUndefined();
    expect(termsOf({ ...draft, durationMonths: '', end: '' }, false).end).toBeNull();
  });

  it('carry money only for users allowed to see it', () => {
    const hidden = termsOf(draft, false);
    expect('mg' in hidden || 'paymentSchedule' in hidden).toBe(false);
    const shown = termsOf(draft, true);
    expect(shown.mg).toEqual({ amount: '150000', currency: 'EUR' });
    expect(shown.paymentSchedule).toEqual([
      { label: 'Signature', percent: '20', due: 'on signature' },
      { label: 'Delivery', percent: '80', due: 'on delivery' },
    ]);
    expect(termsOf({ ...draft, mgAmount: '', schedule: '' }, true)).toMatchObject({ mg: null, paymentSchedule: null });
  });

  it('read holdbacks one a line, and come back from a stored version as they were written', () => {
    expect(termsOf(draft, false).holdbacks).toEqual([
      { territories: 'Germany', media: 'SVOD', end: '2028-06-30', description: 'no SVOD before the theatrical window ends' },
    ]);
    const version = {
      version: 1,
      titleIds: ['one-second'],
      titles: [{ id: 'one-second', name: 'One Second' }],
      territories: 'Germany, Austria',
      territoryLabel: 'Austria and Germany',
      media: 'All Media',
      mediaLabel: 'All Media',
      languages: ['de', 'fr'],
      start: '2027-01-01',
      end: '2033-12-31',
      durationMonths: 84,
      exclusive: true,
      holdbacks: [
        { territories: 'Germany', media: 'SVOD', start: null, end: '2028-06-30', description: 'no SVOD before the theatrical window ends' },
      ],
      conditions: null,
      mg: { amount: '150000.00', currency: 'EUR' },
      paymentSchedule: [
        { label: 'Signature', percent: '20', due: 'on signature' },
        { label: 'Delivery', percent: '80', due: 'on delivery' },
      ],
      note: null,
      createdBy: 'eva',
      createdAt: '2026-12-05T10:00:00.000Z',
    };
    const back = termsOf(draftOf(version), true);
    expect(back).toMatchObject({
      territories: 'Germany, Austria',
      durationMonths: 84,
      languages: ['de', 'fr'],
      holdbacks: termsOf(draft, false).holdbacks,
    });
    expect(back.mg).toEqual({ amount: '150000.00', currency: 'EUR' });
    expect(back.paymentSchedule).toEqual(version.paymentSchedule);
  });
});
