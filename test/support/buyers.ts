/**
 * The buyers' worked example, written once for the service, API and browser suites. Wild Bunch
 * sells two of Zhang Yimou's films and a French one. Neon bought One Second for North America (MG
 * USD 1,500,000). In Benelux, Cliff Walkers is on hold in Belgium for Lumière (in negotiation) and
 * sold to Holland Pictures for Dutch theatrical. The press says Cineart bought Hero from Edko.
 */
import type { InterchangeDocument } from '../../src/services/interchange.js';

export const BUYER_CATALOG: InterchangeDocument = {
  we: 'Wild Bunch',
  companies: [
    { name: 'Wild Bunch', kind: 'sales-agent', country: 'FR' },
    { name: 'Neon', kind: 'distributor', country: 'US' },
    { name: 'Cineart', kind: 'distributor', country: 'BE' },
    { name: 'Lumière', kind: 'distributor', country: 'BE' },
    { name: 'Holland Pictures', kind: 'distributor', country: 'NL' },
    { name: 'Edko', kind: 'sales-agent', country: 'HK' },
    { name: 'Huanxi Media Group', kind: 'production', country: 'CN' },
  ],
  titles: [
    { title: 'One Second', originalTitle: '一秒钟', year: 2020, countries: ['CN'], credits: [{ role: 'director', name: 'Zhang Yimou' }] },
    {
      title: 'Cliff Walkers',
      originalTitle: '悬崖之上',
      year: 2021,
      countries: ['CN'],
      credits: [{ role: 'director', name: 'Zhang Yimou' }],
    },
    { title: 'Hero', originalTitle: '英雄', year: 2002, countries: ['CN', 'HK'], credits: [{ role: 'director', name: 'Zhang Yimou' }] },
    { title: 'Sea Song', year: 2024, countries: ['FR'], credits: [{ role: 'director', name: 'Anne Marin' }] },
  ],
  contracts: [
    {
      ref: 'MANDATE',
      licensor: 'Huanxi Media Group',
      licensee: 'Wild Bunch',
      status: 'signed',
      signedOn: '2020-06-01',
      titles: ['One Second', 'Cliff Walkers', 'Sea Song'],
      blocks: [
        { title: 'One Second', territories: 'Worldwide excluding China', media: 'All Media', start: '2020-01-01', end: '2040-12-31' },
        { title: 'Cliff Walkers', territories: 'Worldwide excluding China', media: 'All Media', start: '2020-01-01', end: '2040-12-31' },
        { title: 'Sea Song', territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2040-12-31' },
      ],
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
    {
      ref: 'LUMIERE-BE-HOLD',
      licensor: 'Wild Bunch',
      licensee: 'Lumière',
      status: 'negotiating',
      titles: ['Cliff Walkers'],
      blocks: [{ territories: 'Belgium', media: 'All Media', start: '2026-01-01', end: '2030-12-31' }],
    },
    {
      ref: 'HOLLAND-NL-THEATRICAL',
      licensor: 'Wild Bunch',
      licensee: 'Holland Pictures',
      status: 'signed',
      signedOn: '2024-05-01',
      mg: { amount: '80000.00', currency: 'EUR' },
      titles: ['Cliff Walkers'],
      blocks: [{ territories: 'Netherlands', media: 'Theatrical', start: '2025-01-01', end: '2034-12-31' }],
    },
    {
      ref: 'EDKO-CINEART-HERO',
      direction: 'third-party',
      licensor: 'Edko',
      licensee: 'Cineart',
      status: 'announced',
      announcedOn: '2003-02-10',
      titles: ['Hero'],
      blocks: [{ territories: 'Benelux', media: 'All Media' }],
    },
  ],
};
