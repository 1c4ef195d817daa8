/**
 * A list of sales after the words that open it ("deals include", "has gone to", "sold to"): one item per buyer, with
 * its territories, media or own title.
 */
import { type Ctx, spellTerritories, validMedia, validTerritories } from './context.js';
import { pairTerritories, parenBuyer, splitBuyers } from './dealTerms.js';
import { splitHomeCountry } from './homeCountry.js';
import { MEDIA_WORDS, TERR_WORDS } from './words.js';

export interface SaleItem {
  buyer: string;
  terrs: string[];
  media?: string | null;
  title?: string;
}

/** A list of sales: "Diaphana for France, Cineart for Benelux", "Nos Lusomundo (Portugal)", "France (Pyramide)". */
export function readSaleList(c: Ctx, i: number, limit: number): SaleItem[] {
  return readSales(c, i, limit).items;
}

/**
 * The same, with the end of the last clause it read items in: past the semicolons it went on past, or `limit` when it
 * read none after the first clause.
 */
export function readSales(c: Ctx, i: number, limit: number): { items: SaleItem[]; end: number } {
  const out: SaleItem[] = [];
  let k = i;
  const skipSep = () => {
    let moved = true;
    while (moved) {
      moved = false;
      for (const w of [
        ',',
        'and',
        ';',
        'to',
        'with',
        'as',
        'well',
        'plus',
        'also',
        'only',
        'already',
        'so',
        'far',
        'including',
        'alongside',
        'include',
        'includes',
        'the',
      ]) {
        if (c.tok(k) === w) {
          k++;
          moved = true;
        }
      }
    }
  };
  // an item the list cannot read ("Pioneer the Philippines", a name glued to its territory) once two items have set
  // its shape: the list goes on at the next separator, the item left for the review; never twice in a row
  let skipped = -1;
  // (after one item when the one skipped has the list's parenthesis: "Switzerland (X), ex-Yugoslovia (Y), Portugal (Z)")
  const resync = (): boolean => {
    if (!out.length || skipped === out.length) return false;
    let e = k + 1;
    let paren = false;
    while (e < limit && e < k + 10 && c.tok(e) !== ',' && c.tok(e) !== ';' && c.tok(e) !== '.') {
      if (c.tok(e) === '(') {
        if (paren) return false;
        paren = true;
        while (e < limit && e < k + 10 && c.tok(e) !== ')') e++;
      }
      e++;
    }
    if (out.length < 2 && !paren) return false;
    // (never past a new sale: ", as well as its sale of T2 to X")
    for (let j = k; j < e; j++) if (/^(?:sale|sales|sold|deal|deals|its|their)$/.test(c.tok(j))) return false;
    if (e >= limit || (c.tok(e) !== ',' && c.tok(e) !== ';')) return false;
    skipped = out.length;
    k = e;
    return true;
  };
  while (k < limit) {
    skipSep();
    if (c.tok(k) === 'for' || c.tok(k) === 'in') {
      // "for France (Pyramide Distribution)" / "for the U.K., where Lionsgate UK will distribute"
      const l = c.terrList(k + 1 + (c.tok(k + 1) === 'the' && TERR_WORDS[c.tok(k + 2)] ? 1 : 0), false);
      const pb = l.exprs.length ? parenBuyer(c, l.end) : null;
      if (pb) {
        for (const b of splitBuyers(pb[0])) out.push({ buyer: b, terrs: l.exprs });
        k = pb[1];
        continue;
      }
      // "sold rights for France to Bellissima, for Spain to Golem"
      if (l.exprs.length && c.tok(l.end) === 'to' && /^[CE]\d+$/.test(c.tok(l.end + 1)) && c.item(l.end + 1).ent !== 'person') {
        out.push({ buyer: c.name(l.end + 1), terrs: l.exprs });
        k = l.end + 2;
        continue;
      }
      // "for Benelux by Cinemaret, for Austria by Polyfilm"
      if (l.exprs.length && c.tok(l.end) === 'by' && /^[CE]\d+$/.test(c.tok(l.end + 1)) && c.item(l.end + 1).ent !== 'person') {
        out.push({ buyer: c.name(l.end + 1), terrs: l.exprs });
        k = l.end + 2;
        continue;
      }
      if (l.exprs.length && c.tok(l.end) === ',' && c.tok(l.end + 1) === 'where' && /^[CE]\d+$/.test(c.tok(l.end + 2))) {
        out.push({ buyer: c.name(l.end + 2), terrs: l.exprs });
        k = l.end + 3;
        while (k < limit && c.tok(k) !== ',' && c.tok(k) !== '.') k++;
        continue;
      }
      break;
    }
    // "sold to Spain, where Alma Cine will release it"
    if (c.isTerr(k) && c.item(k).ent === 'territory') {
      const l = c.terrList(k, false);
      if (l.exprs.length && c.tok(l.end) === ',' && c.tok(l.end + 1) === 'where' && c.isOrg(l.end + 2)) {
        out.push({ buyer: c.name(l.end + 2), terrs: l.exprs });
        k = l.end + 3;
        while (k < limit && c.tok(k) !== ',' && c.tok(k) !== '.') k++;
        continue;
      }
    }
    // (a name shaped like a person's inside a list of buyers each with its territory is a company: "Italia Film for the
    // Mideast; Kino Swiat for Poland")
    const placedName =
      out.length > 0 &&
      /^[PE]\d+$/.test(c.tok(k)) &&
      (((c.tok(k + 1) === 'for' || c.tok(k + 1) === 'in') && c.isTerr(k + 2 + (c.tok(k + 2) === 'the' ? 1 : 0))) ||
        (c.tok(k + 1) === '(' && c.isTerr(k + 2)));
    if ((/^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') || placedName) {
      const buyer = c.name(k);
      if (c.tok(k + 1) === '(') {
        const l = c.terrList(k + 2, false);
        if (l.exprs.length && c.tok(l.end) === ')') {
          out.push({ buyer, terrs: l.exprs });
          k = l.end + 1;
          continue;
        }
      }
      if (c.tok(k + 1) === 'for' || c.tok(k + 1) === 'in') {
        const l = c.terrList(k + 2 + (c.tok(k + 2) === 'the' && TERR_WORDS[c.tok(k + 3)] ? 1 : 0), false);
        if (l.exprs.length) {
          const media: string[] = [];
          let e = l.end;
          while (MEDIA_WORDS.has(c.tok(e)) && c.tok(e) !== 'distribution') media.push(c.tok(e++));
          out.push({ buyer, terrs: l.exprs, media: validMedia(media) });
          k = e;
          continue;
        }
      }
      // "Njuta Films, which covers Scandinavia"
      if (c.tok(k + 1) === ',' && c.tok(k + 2) === 'which' && /^(?:covers|handles|has|holds|takes|took|will)$/.test(c.tok(k + 3))) {
        let e = k + 4;
        while (e < limit && e < k + 8 && !c.isTerr(e)) e++;
        const l = c.terrList(e, false);
        if (l.exprs.length) {
          out.push({ buyer, terrs: l.exprs });
          k = l.end;
          continue;
        }
      }
      if (c.tok(k + 1) === 'will' || c.tok(k + 1) === 'has' || c.tok(k + 1) === 'took' || c.tok(k + 1) === 'is') break;
      // "SVT Sweden, DR Denmark and NRK Norway": each a company named with the country it serves
      const home = splitHomeCountry(buyer);
      if (home && c.tok(k + 1) !== '(') {
        out.push({ buyer: home.company, terrs: [home.territory] });
        k++;
        continue;
      }
      if (resync()) continue;
      break;
    }
    // "..., T2 to Y and P's T3 to Z for free TV in Sweden": after a first sale, each item its own title
    if (out.length && (c.isTitle(k) || (/^[PE]\d+'s$/.test(c.raw(k)) && c.isTitle(k + 1)))) {
      const tk = c.isTitle(k) ? k : k + 1;
      if (c.tok(tk + 1) === 'to' && c.isOrg(tk + 2)) {
        let b = tk + 2;
        const terrs: string[] = [];
        const buyer = /^R\d+'s$/.test(c.raw(b)) ? null : c.name(b);
        if (!buyer && c.item(b).territory && c.isOrg(b + 1)) {
          terrs.push(c.item(b).territory!);
          b++;
        }
        let e = b + 1;
        // "for free TV in Sweden", "for Spain"
        while (e < limit && e < b + 6 && !c.isTerr(e) && !['to', ',', 'and', ';'].includes(c.tok(e))) e++;
        if (c.isTerr(e) && c.item(e).ent === 'territory') {
          const l = c.terrList(e, false);
          terrs.push(...l.exprs);
          e = l.end;
        } else {
          // "T2 to Ibermedia TV and ...": a media word the sketch left after the buyer's name
          e = b + 1;
          while (e < limit && MEDIA_WORDS.has(c.tok(e)) && c.tok(e) !== 'distribution') e++;
        }
        out.push({ buyer: buyer ?? c.name(b), terrs, title: c.item(tk).text });
        k = e;
        continue;
      }
    }
    // "Portugal's Leopardo Filmes": the buyer's country as a possessive
    if (/^R\d+'s$/.test(c.raw(k)) && /^[CE]\d+$/.test(c.tok(k + 1)) && c.item(k + 1).ent !== 'person' && c.item(k).territory) {
      out.push({ buyer: c.name(k + 1), terrs: [c.item(k).territory!] });
      k += 2;
      continue;
    }
    // ("ex-Yugoslavia (X)": a territory written in lower case, which the sketch reads as a word)
    if (/^ex-\p{L}/u.test(c.tok(k)) && c.tok(k + 1) === '(') {
      const terr = spellTerritories(c.item(k).text);
      const pb = terr ? parenBuyer(c, k + 1) : null;
      if (terr && pb) {
        for (const b of splitBuyers(pb[0])) out.push({ buyer: b, terrs: [terr] });
        k = pb[1];
        continue;
      }
    }
    // "former Yugoslavia (X)": the sketch reads the lower-case word apart
    const former = c.tok(k) === 'former' && c.isTerr(k + 1) && c.item(k + 1).ent === 'territory';
    if (former) k++;
    // ("German-speaking territories (X)": a nationality with its territories)
    if (c.isTerr(k) && (c.item(k).ent === 'territory' || (c.item(k).ent === 'nationality' && /^territor(?:y|ies)$/.test(c.tok(k + 1))))) {
      const l = c.terrList(k, false);
      if (former && l.exprs.length) l.exprs[0] = validTerritories(`former ${l.exprs[0]}`) ?? l.exprs[0];
      const pb = parenBuyer(c, l.end);
      if (pb) {
        const own = pairTerritories(c, k, l);
        for (const b of splitBuyers(pb[0])) out.push({ buyer: b, terrs: own });
        k = pb[1];
        continue;
      }
      // "France to Diaphana", "closed Germany with Kool Films", "Portugal with major independent X", "Switzerland, a
      // country which punched above its weight, with X"
      let w = l.end;
      if (c.tok(w) === ',' && c.tok(w + 1) === 'a') {
        let e = w + 2;
        while (e < limit && e < w + 16 && c.tok(e) !== ',' && !/^[CE]\d+$/.test(c.tok(e))) e++;
        if (c.tok(e) === ',' && c.tok(e + 1) === 'with') w = e + 1;
      }
      if (c.tok(w) === 'to' || c.tok(w) === 'with') {
        let b = w + 1;
        while (
          b < w + 4 &&
          // ("closed Italy with Rome-based X": where the buyer is based, X\d the sketch's code for it)
          (/^(?:major|independent|indie|leading|local|arthouse|art-house|top|key|distributor|broadcaster|streamer|partner|longtime|long-time|regular|frequent)$/.test(
            c.tok(b),
          ) ||
            /^X\d+$/.test(c.tok(b)))
        )
          b++;
        if (/^[CE]\d+$/.test(c.tok(b)) && c.item(b).ent !== 'person') {
          out.push({ buyer: c.name(b), terrs: l.exprs });
          k = b + 1;
          continue;
        }
      }
      // a territory sold without a named buyer, inside a list that goes on: "Israel, Korea and Spain (Golem)"
      if (out.length && l.end > k && (c.tok(l.end) === ',' || c.tok(l.end) === 'and')) {
        k = l.end;
        continue;
      }
      if (resync()) continue;
      break;
    }
    // "season 3 TV rights to X (Greece); seasons 1 & 2 for Y (Norway)": an item opened by what was sold, once the list
    // has its shape or the item is its first buyer with a territory in parentheses
    const lead = leadInItem(c, k, limit);
    if (lead) {
      out.push({ buyer: lead.buyer, terrs: lead.terrs });
      k = lead.end;
      continue;
    }
    if (resync()) continue;
    break;
  }
  // "Italia Film for the Mideast; Kino Swiat for Poland; and ACNE for the Baltic states": a list read to the end of its
  // clause goes on past the semicolon while the items after it are sales too
  if (out.length && k >= limit && c.tok(limit) === ';') {
    const more = readSales(c, limit + 1, c.clauseEnd(limit + 1));
    if (more.items.length) return { items: [...out, ...more.items], end: more.end };
  }
  return { items: out, end: limit };
}

/** `season 3 TV rights to X (Greece)`: lower-case words and numbers, then `to` or `for` a buyer and its territory in parentheses. */
function leadInItem(c: Ctx, k: number, limit: number): { buyer: string; terrs: string[]; end: number } | null {
  for (let e = k; e < limit && e < k + 10; e++) {
    const t = c.tok(e);
    if ((t === 'to' || t === 'for') && e > k && /^[CE]\d+$/.test(c.tok(e + 1)) && c.item(e + 1).ent !== 'person' && c.tok(e + 2) === '(') {
      const l = c.terrList(e + 3, false);
      if (l.exprs.length && c.tok(l.end) === ')') return { buyer: c.name(e + 1), terrs: l.exprs, end: l.end + 1 };
      return null;
    }
    if (!/^(?:[a-z][a-z&'-]*|\d+|,|&)$/.test(t) || /^(?:sale|sales|sold|deal|deals|its|their|which|who)$/.test(t)) return null;
  }
  return null;
}
