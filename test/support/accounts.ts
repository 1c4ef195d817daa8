/**
 * The worked example of the accounts (issue 14), written once for the suites and the bench: One
 * Second's producer mandate to Wild Bunch (rights in, worldwide excluding China) and Wild Bunch's
 * licence to Neon for North America (MG USD 1,500,000), with the financial terms of each.
 */
import type { TermsInput } from '../../src/services/money/terms.js';
import type { InterchangeDocument } from '../../src/services/interchange.js';

export const ONE_SECOND_DEALS: InterchangeDocument = {
  we: 'Wild Bunch',
  companies: [
    { name: 'Wild Bunch', kind: 'sales-agent', country: 'FR' },
    { name: 'Neon', kind: 'distributor', country: 'US' },
    { name: 'Huanxi Media Group', kind: 'production', country: 'CN' },
  ],
  titles: [
    { title: 'One Second', originalTitle: '一秒钟', year: 2020, countries: ['CN'], credits: [{ role: 'director', name: 'Zhang Yimou' }] },
  ],
  contracts: [
    {
      ref: 'MANDATE',
      licensor: 'Huanxi Media Group',
      licensee: 'Wild Bunch',
      status: 'signed',
      signedOn: '2021-07-01',
      titles: ['One Second'],
      blocks: [{ territories: 'Worldwide excluding China', media: 'All Media', start: '2020-01-01', end: '2040-12-31' }],
    },
    {
      ref: 'NEON-NA',
      licensor: 'Wild Bunch',
      licensee: 'Neon',
      status: 'signed',
      signedOn: '2021-07-20',
      mg: { amount: '1500000.00', currency: 'USD' },
      titles: ['One Second'],
      blocks: [{ territories: 'North America', media: 'All Media', start: '2021-07-20', end: '2036-07-19' }],
    },
  ],
};

/** Neon's licence: fee 30% theatrical, 25% other media; P&A capped at 500,000; the MG 20% on signature, 80% on delivery. */
export const NEON_TERMS: TermsInput = {
  kind: 'licence',
  currency: 'USD',
  fees: [
    { media: 'Theatrical', rate: '30%', label: 'Theatrical' },
    { rate: '25%', label: 'All other media' },
  ],
  expenseCap: '500,000',
  frequency: 'quarterly',
  instalments: [
    { label: 'On signature', rate: '20%', dueEvent: 'signature' },
    { label: 'On delivery', rate: '80%', dueEvent: 'delivery' },
  ],
  events: { signature: '2021-07-20', delivery: '2021-09-01' },
};

/** Wild Bunch's mandate: commission 10% in North America, 20% elsewhere; sales expenses capped at 100,000. */
export const MANDATE_TERMS: TermsInput = {
  kind: 'mandate',
  currency: 'USD',
  fees: [
    { territories: 'North America', rate: '10%', label: 'North America' },
    { rate: '20%', label: 'Elsewhere' },
  ],
  expenseCap: '100000',
  frequency: 'quarterly',
};
