/**
 * A feed is read against the catalog one article after another, and the extractor keeps what it learnt of the
 * last catalog (its people, companies and titles) instead of learning thousands of names for every article. A
 * user changing the catalog between two articles must still see each article read against the catalog as it
 * is then. Sentences written for this project.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';
import { findTitleSpans } from '../../src/ingest/titles.js';
import { matchingView, segment } from '../../src/ingest/text.js';

const DEAL = "Harrow Lane has acquired U.K. rights to 'The Glass Orchard' from Northlight Sales.";

const deals = (known: { people?: string[]; companies?: string[] }) =>
  extractFacts(DEAL, { date: '2024-03-01', known })
    .facts.filter((f) => f.type === 'deal')
    .map((f) => {
      const d = f.fields as { title: string; buyer: string };
      return `${d.title} / ${d.buyer}`;
    });

const TITLES = 'Buyers lined up all week for Winter Harbour Lights, and for the new Lisbon comedy.';

const titles = (catalog: string[]) => {
  const view = matchingView(TITLES);
  return findTitleSpans(view, segment(TITLES), catalog).map(([a, b]) => view.slice(a, b));
};

describe('a feed read against a catalog that changes', () => {
  it('a name the catalog makes a company one time and a person the next is read as the catalog says each time', () => {
    const asCompany = deals({ companies: ['Harrow Lane'] });
    const asPerson = deals({ people: ['Harrow Lane'] });
    // the two catalogs give different facts, so a catalog kept from the article before would show
    expect(asCompany).not.toEqual(asPerson);
    expect(deals({ companies: ['Harrow Lane'] })).toEqual(asCompany);
    expect(deals({ people: ['Harrow Lane'] })).toEqual(asPerson);
    expect(deals({ people: ['Harrow Lane'] })).toEqual(asPerson);
  });

  it('a title added to the catalog is found in the next article, and no longer once it is taken out', () => {
    expect(titles([])).toEqual([]);
    expect(titles(['Winter Harbour Lights'])).toEqual(['Winter Harbour Lights']);
    expect(titles(['Winter Harbour Lights'])).toEqual(['Winter Harbour Lights']);
    expect(titles(['Summer Harbour Lights'])).toEqual([]);
    expect(titles([])).toEqual([]);
  });
});
