// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test/setup';
import { formatDate } from '../lib/format';
import { contractIndex, countryInfo } from '../lib/mapInfo';
import type { MapCountry } from '../../../src/contract/index.js';
import { WorldMap } from './WorldMap';

afterEach(() => vi.unstubAllGlobals());

const hold = {
  code: 'on-hold',
  contracts: ['WB-ALAMODE-DE'],
  message: 'on hold for WB-ALAMODE-DE (Alamode Film) (in negotiation)',
  deals: [{ ref: 'WB-ALAMODE-DE', id: 'c-alamode', licensor: 'Wild Bunch', licensee: 'Alamode Film', end: '2029-12-31' }],
};

describe('the map of a country on hold for most of the window', () => {
  it('says which dates are held and which are free, how many days each, and links the deal with its end', () => {
    // the map shapes are not needed here
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    const de: MapCountry = {
      status: 'partial',
      periods: [
        { status: 'available', start: '2026-01-01', end: '2026-02-28', media: 'All Media', languages: null, reasons: [] },
        { status: 'on-hold', start: '2026-03-01', end: '2029-12-31', media: 'All Media', languages: null, reasons: [hold] },
        { status: 'available', start: '2030-01-01', end: '2030-12-31', media: 'All Media', languages: null, reasons: [] },
      ],
      days: { available: 424, 'on-hold': 1402 },
      reasons: [hold],
      contracts: ['WB-ALAMODE-DE'],
    };
    const fr: MapCountry = {
      status: 'available',
      periods: [{ status: 'available', start: '2026-01-01', end: '2030-12-31', media: 'All Media', languages: null, reasons: [] }],
      days: { available: 1826 },
      reasons: [],
      contracts: ['WB-MANDATE'],
    };
    const known = contractIndex([]);
    const info = { DE: countryInfo(de, known), FR: countryInfo(fr, known) };
    render(
      <WorldMap
        info={info}
        names={
          new Map([
            ['DE', 'Germany'],
            ['FR', 'France'],
          ])
        }
        label="One Second"
      />,
    );

    const item = screen.getByRole('button', { name: /Germany/ });
    expect(item.textContent).toContain('Partly: on hold');
    fireEvent.focus(item);
    const card = document.querySelector('.worldmap-detail') as HTMLElement;
    expect(card.textContent).toContain('Partly available');
    expect(card.textContent).toContain('Of the window’s 1,826 days: on hold 1,402 days, available 424 days.');
    const periods = within(card)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(periods[0]).toBe(`${formatDate('2026-01-01')} – ${formatDate('2026-02-28')} available`);
    expect(periods[1]).toBe(
      `${formatDate('2026-03-01')} – ${formatDate('2029-12-31')} on holdon hold for WB-ALAMODE-DE (Alamode Film), until ${formatDate('2029-12-31')} (in negotiation)`,
    );
    expect(periods[2]).toBe(`${formatDate('2030-01-01')} – ${formatDate('2030-12-31')} available`);
    expect(within(card).getByRole('link', { name: 'WB-ALAMODE-DE' }).getAttribute('href')).toBe('/deals/c-alamode');
    // The legend still counts Germany as partly available (not as on hold), and the list says what part.
    expect(screen.getByRole('button', { name: /Partly available/ }).textContent).toContain('1');
  });
});

describe('the map of a country whose answer waits for a release not yet dated', () => {
  it('says "depends", with what it waits for, and counts it apart from no rights and sold in the legend', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    const waits = {
      code: 'depends',
      contracts: ['KANAL-S1'],
      message: 'depends on the German theatrical release + 6 months, not yet dated: KANAL-S1 (Kanal Nord)',
    };
    const de: MapCountry = { status: 'depends', reasons: [waits], contracts: ['KANAL-S1'] };
    const known = contractIndex([]);
    render(<WorldMap info={{ DE: countryInfo(de, known) }} names={new Map([['DE', 'Germany']])} label="Season 1" />);
    const item = screen.getByRole('button', { name: /Germany/ });
    expect(item.textContent).toContain('Depends (not yet dated)');
    fireEvent.focus(item);
    const card = document.querySelector('.worldmap-detail') as HTMLElement;
    expect(card.textContent).toContain('depends on the German theatrical release + 6 months, not yet dated');
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getByRole('button', { name: /Depends \(not yet dated\)/ }).textContent).toContain('1');
    expect(within(legend).getByRole('button', { name: /No rights/ }).textContent).toContain('0');
    expect(within(legend).getByRole('button', { name: /Sold/ }).textContent).toContain('0');
  });
});
