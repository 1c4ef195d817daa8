/**
 * Credits, companies, source and status: who directed, wrote, stars in and
 * produced a title; which companies produced or financed it; what it is adapted
 * from; whether it is in production, shooting or completed.
 */
import type { CreditRole, ProductionStatus, TitleCompanyRole } from '../../store/index.js';
import { PERSON_ROLE_WORDS } from '../lexicon.js';
import { learn, resolveShort } from '../sketch.js';
import { type Ctx, add, dealsHere, nk, personLike } from './context.js';
import { lastTitleBefore } from './dealTerms.js';

export function addCredit(
  c: Ctx,
  title: string | null,
  role: CreditRole,
  name: string,
  conf: number,
  character: string | null = null,
): void {
  if (!title || !name) return;
  const full = resolveShort(c.st.reg, name);
  const person = full && full.kind === 'person' ? full.name : name;
  if (c.st.reg.kinds.get(nk(person)) === 'company') return;
  add(c.st, 'credit', { title, role, name: person, character }, conf, c.span());
  learn(c.st.reg, person, 'person');
  if (role === 'director') {
    c.st.directorOf.set(nk(title), person);
    if (!c.st.titleByDirector.has(nk(person))) c.st.titleByDirector.set(nk(person), title);
    c.st.focusPerson = person;
    if (!c.st.roleOf.has(nk(person))) c.st.roleOf.set(nk(person), 'director');
  } else if (!c.st.roleOf.has(nk(person))) c.st.roleOf.set(nk(person), role);
}

/** People named in a list from token k: "P, P and P", skipping role words and nationalities. */
function peopleList(c: Ctx, k: number, limit: number): { names: string[]; end: number } {
  const names: string[] = [];
  let j = k;
  while (j < limit) {
    const t = c.tok(j);
    if (
      /^[PE]\d+$/.test(t) &&
      (personLike(c, j) ||
        c.item(j).ent === 'person' ||
        resolveShort(c.st.reg, c.item(j).text)?.kind === 'person' ||
        (c.item(j).ent === 'name' && !c.isCompanyName(j) && c.item(j).text.split(' ').length === 1))
    ) {
      if (c.raw(j).endsWith("'s")) break;
      names.push(c.name(j));
      j++;
      continue;
    }
    const roleWord = (w: string) =>
      (PERSON_ROLE_WORDS.has(w) && w !== 'star' && w !== 'stars') ||
      [
        'newcomer',
        'star',
        'playwright',
        'co-star',
        'the',
        'fellow',
        'first-time',
        'veteran',
        'helmer',
        'auteur',
        'rising',
        'young',
        'acclaimed',
        'comedian',
        'singer',
        'rapper',
        'model',
      ].includes(w);
    if ([',', 'and', '&'].includes(t) || /^N\d+$/.test(t) || (/^R\d+$/.test(t) && c.item(j).ent === 'nationality') || roleWord(t)) {
      if ((t === ',' || t === 'and') && !(/^[PENR]\d+$/.test(c.tok(j + 1)) || roleWord(c.tok(j + 1)))) break;
      j++;
      continue;
    }
    break;
  }
  return { names, end: j };
}

export function extractCredits(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  // the title a credit phrase is about: a title in its clause, else the subject pronoun's
  const subjectTitle = (at: number): string | null => {
    // "the film, directed by X, ..." / "Directed by X, the film ..." / "T, written by"
    const cs = c.clauseStart(at);
    for (let k = at - 1; k >= Math.max(0, at - 10); k--) {
      const [t] = c.titleAt(k);
      if (t) return t;
      if (c.tok(k) === '.' || c.tok(k) === ';') break;
    }
    void cs;
    for (let k = at; k < n; k++) {
      const [t] = c.titleAt(k);
      if (t) return t;
    }
    return c.st.focus ?? c.st.lead;
  };
  for (let j = 0; j < n; j++) {
    const t = c.tok(j);
    const nxt = c.tok(j + 1);
    // written and directed by / directed by / helmed by / written by / from a screenplay by / produced by / co-written by
    if (
      t === 'directed' ||
      t === 'helmed' ||
      t === 'written' ||
      t === 'co-written' ||
      t === 'penned' ||
      (/^(?:produced|co-produced|executive-produced|exec-produced)$/.test(t) && nxt === 'by') ||
      t === 'scripted' ||
      t === 'starring' ||
      t === 'stars' ||
      t === 'star' ||
      t === 'featuring' ||
      t === 'toplined' ||
      (t === 'screenplay' && nxt === 'by') ||
      (t === 'script' && nxt === 'by') ||
      (t === 'led' && nxt === 'by' && /\bcast\b/.test(c.words(j - 3, j)))
    ) {
      let roles: CreditRole[] = [];
      let k = j + 1;
      if (t === 'written' && c.seq(j + 1, ['and', 'directed', 'by'])) {
        roles = ['writer', 'director'];
        k = j + 4;
      } else if (t === 'directed' && c.seq(j + 1, ['and', 'written', 'by'])) {
        roles = ['director', 'writer'];
        k = j + 4;
      } else if (['directed', 'helmed'].includes(t) && nxt === 'by') {
        roles = ['director'];
        k = j + 2;
      } else if (['written', 'co-written', 'penned', 'scripted'].includes(t) && nxt === 'by') {
        roles = ['writer'];
        k = j + 2;
      } else if ((t === 'screenplay' || t === 'script') && nxt === 'by') {
        roles = ['writer'];
        k = j + 2;
      } else if (['produced', 'co-produced', 'executive-produced', 'exec-produced'].includes(t) && nxt === 'by') {
        roles = [t === 'produced' ? 'producer' : t === 'co-produced' ? 'producer' : 'executive-producer'];
        k = j + 2;
      } else if (t === 'starring' || t === 'featuring' || (t === 'toplined' && nxt === 'by') || (t === 'led' && nxt === 'by')) {
        roles = ['cast'];
        k = t === 'toplined' || t === 'led' ? j + 2 : j + 1;
      } else if (
        (t === 'stars' || t === 'star') &&
        !/^(?:in|as|on|at|of)$/.test(nxt) &&
        c.tok(j - 1) !== 'the' &&
        !/^N\d+$/.test(c.tok(j - 1))
      ) {
        roles = ['cast'];
        k = j + 1;
      } else continue;
      const limit = c.clauseEnd(k);
      if (roles[0] === 'producer' || roles[0] === 'executive-producer') {
        extractProducers(c, k, limit, subjectTitle(j), t === 'co-produced');
        continue;
      }
      const list = peopleList(c, k, limit);
      // "Tilda Swinton and Honor Swinton Byrne star."
      if (!list.names.length && roles[0] === 'cast' && (t === 'star' || t === 'stars') && /^(?:\.|,|in|alongside)?$/.test(nxt)) {
        const names: string[] = [];
        let b = j - 1;
        while (b >= 0 && (/^[PE]\d+$/.test(c.tok(b)) || c.tok(b) === 'and' || c.tok(b) === ',')) {
          if (/^[PE]\d+$/.test(c.tok(b)) && personLike(c, b)) names.unshift(c.name(b));
          b--;
        }
        if (b < 0) for (const name of names) addCredit(c, c.st.focus ?? c.st.lead, 'cast', name, 0.75);
        continue;
      }
      if (!list.names.length) continue;
      const title = roles[0] === 'cast' && c.isTitle(j - 1) ? c.item(j - 1).text : subjectTitle(j);
      for (const role of roles)
        for (const name of list.names) {
          // "stars X as Princess Diana"
          let character: string | null = null;
          if (role === 'cast' && list.names.length === 1 && c.tok(list.end) === 'as' && /^[PEX]\d+$/.test(c.tok(list.end + 1)))
            character = c.name(list.end + 1);
          addCredit(c, title, role, name, 0.85, character);
        }
      // "alongside X and Y"
      if (roles[0] === 'cast' && c.tok(list.end) === 'alongside')
        for (const name of peopleList(c, list.end + 1, limit).names) addCredit(c, title, 'cast', name, 0.8);
      continue;
    }
    // "P wrote the screenplay (with P)", "P co-wrote the script with P"
    if (
      ((t === 'wrote' || t === 'co-wrote' || t === 'penned' || t === 'adapted' || t === 'co-writes' || t === 'writes') &&
        /^[PE]\d+$/.test(c.tok(j - 1)) &&
        personLike(c, j - 1)) ||
      (t === 'adapted' && c.tok(j - 1) === 'who' && /^[PE]\d+$/.test(c.tok(j - 3)))
    ) {
      if (t === 'adapted' && !/\bfrom\b/.test(c.words(j, j + 6))) continue;
      const who = c.tok(j - 1) === 'who' ? j - 3 : j - 1;
      const title = subjectTitle(j);
      addCredit(c, title, 'writer', c.name(who), 0.8);
      const w = c.toks.indexOf('with', j);
      if (w > 0 && w < j + 6) for (const name of peopleList(c, w + 1, c.clauseEnd(w)).names) addCredit(c, title, 'writer', name, 0.8);
      continue;
    }
    // "Edko Films, which produced the film with Bona Film Group"
    if (
      /^(?:produced|co-produced)$/.test(t) &&
      c.tok(j - 1) === 'which' &&
      c.tok(j - 2) === ',' &&
      /^[CE]\d+$/.test(c.tok(j - 3)) &&
      !personLike(c, j - 3)
    ) {
      const [tt, tn] = c.titleAt(j + 1);
      const title = tt ?? c.st.focus ?? c.st.lead;
      addCompany(c, title, t === 'produced' ? 'production' : 'co-production', c.name(j - 3));
      const w2 = j + 1 + tn;
      if (c.tok(w2) === 'with' && /^[CE]\d+$/.test(c.tok(w2 + 1)) && !personLike(c, w2 + 1))
        addCompany(c, title, 'production', c.name(w2 + 1));
      continue;
    }
    // "P produced with P under their C banner", "C produced."
    if (t === 'produced' && nxt !== 'by') {
      if (
        /^[CE]\d+$/.test(c.tok(j - 1)) &&
        (c.isCompanyName(j - 1) || c.tok(j + 1) === '.' || c.isTitle(j + 1) || /^(?:alongside|with)$/.test(c.tok(j + 1)))
      ) {
        const title = c.isTitle(j + 1) ? c.item(j + 1).text : subjectTitle(j);
        addCompany(c, title, 'production', c.name(j - 1));
        // "Blumhouse produced alongside Holt's Static Pictures banner"
        if (/^(?:alongside|with)$/.test(c.tok(j + 1))) {
          for (let k = j + 2; k < Math.min(n, j + 6); k++) {
            if (/^[CE]\d+$/.test(c.tok(k)) && !c.raw(k).endsWith("'s") && (c.isCompanyName(k) || c.tok(k + 1) === 'banner')) {
              addCompany(c, title, 'production', c.name(k));
              break;
            }
          }
        }
        continue;
      }
      if (/^[PE]\d+$/.test(c.tok(j - 1)) && personLike(c, j - 1)) {
        const title = subjectTitle(j);
        addCredit(c, title, 'producer', c.name(j - 1), 0.75);
        const w = c.toks.indexOf('with', j);
        if (w === j + 1) for (const name of peopleList(c, w + 1, c.clauseEnd(w)).names) addCredit(c, title, 'producer', name, 0.75);
        const banner = c.toks.findIndex((x, idx) => idx > j && x === 'banner');
        if (banner > 0 && /^[CE]\d+$/.test(c.tok(banner - 1))) addCompany(c, title, 'production', c.name(banner - 1));
      }
      continue;
    }
    // "is a C Production", "a C production"
    if (/^[CE]\d+$/.test(t) && /\bProduction$/.test(c.item(j).text) && (c.tok(j - 1) === 'a' || c.tok(j - 1) === 'an')) {
      addCompany(c, subjectTitle(j), 'production', c.item(j).text.replace(/\s+Production$/, ''));
      continue;
    }
    if (/^[CE]\d+$/.test(t) && (nxt === 'production' || nxt === 'co-production') && (c.tok(j - 1) === 'a' || c.tok(j - 1) === 'an')) {
      addCompany(c, subjectTitle(j), nxt === 'production' ? 'production' : 'co-production', c.name(j));
      continue;
    }
    // director's title: "Zhang Yimou's T", "director P's T", "P's drama T", "Laura Poitras' documentary T"
    if (/^[PE]\d+$/.test(t) && c.raw(j).endsWith("'s")) {
      let k = j + 1;
      while (
        k < n &&
        k < j + 5 &&
        /^(?:[a-z-]+)$/.test(c.tok(k)) &&
        !['and', 'with', 'as', 'is', 'was', 'has', 'for', 'to'].includes(c.tok(k))
      )
        k++;
      if (c.tok(k) === ',' && c.isTitle(k + 1)) k++;
      const desc = c.words(j + 1, k);
      const it = c.item(j);
      const asPerson = personLike(c, j) || resolveShort(c.st.reg, it.text)?.kind === 'person';
      if (!asPerson) continue;
      if (/\b(?:own|banner|company|slate|lineup|novel|book|memoir|play|story|script|screenplay|song|music|score)\b/.test(desc)) continue;
      if (c.isTitle(k)) {
        const role: CreditRole =
          c.st.roleOf.get(nk(resolveShort(c.st.reg, it.text)?.name ?? c.name(j))) === 'cast' &&
          !/director|filmmaker/.test(c.words(j - 3, j))
            ? 'director'
            : 'director';
        addCredit(c, c.item(k).text, role, c.name(j), 0.8);
        continue;
      }
      // "T, Mexican director Elena Campos' drama about ...", "Campos' film is sold ...", "Director Wang Lei's film": the appositive title, the director's title, else the focus
      const g =
        /^(?:(?:[a-z-]+|N\d+|[EXR]\d+) ){0,3}?(film|feature|movie|drama|documentary|doc|debut|comedy|thriller|romance|western|animation|animated feature|horror|satire|fable|biopic|epic|musical|sequel|follow-up|picture)\b/.exec(
          c.words(j + 1, j + 6),
        );
      if (g && !/\b(?:previous|earlier|last|next|second|first|third|latest|new|upcoming|own)\b/.test(c.words(j + 1, j + 4))) {
        const who = resolveShort(c.st.reg, it.text)?.name ?? c.name(j);
        let title: string | null = null;
        for (let b = j - 1; b >= Math.max(0, j - 6); b--) {
          if (c.isTitle(b) && c.tok(b + 1) === ',') {
            title = c.item(b).text;
            break;
          }
          if (!/^(?:[a-z-]+|N\d+|,)$/.test(c.tok(b))) break;
        }
        title ??=
          c.st.titleByDirector.get(nk(who)) ??
          (/\b(?:director|filmmaker|helmer|auteur)\b/.test(c.words(j - 2, j)) ? (lastTitleBefore(c, j) ?? c.st.focus ?? c.st.lead) : null);
        if (title) addCredit(c, title, 'director', c.name(j), 0.7);
      }
      continue;
    }
    // "from (first-time) director P" (after a title), "the feature debut of director P"
    if (
      (t === 'director' ||
        t === 'filmmaker' ||
        t === 'helmer' ||
        t === 'auteur' ||
        t === 'writer-director' ||
        t === 'writer/director' ||
        t === 'actor-turned-director' ||
        t === 'animator' ||
        t === 'documentarian') &&
      /^[PE]\d+$/.test(nxt) &&
      !c.raw(j + 1).endsWith("'s") &&
      personLike(c, j + 1)
    ) {
      const back = c.words(Math.max(0, j - 4), j);
      if (
        /\bfrom(?: \S+)?(?: first-time| debut| veteran| acclaimed| young| \S+)?$|\bof$|\bby$/.test(back) ||
        /\bdebut of\b|\bfeature from\b|\bfrom\b/.test(back)
      ) {
        const title = subjectTitle(j);
        addCredit(c, title, 'director', c.name(j + 1), 0.8);
        if (/^writer[-/]director$/.test(t)) addCredit(c, title, 'writer', c.name(j + 1), 0.8);
      }
      continue;
    }
    // "his/her (latest|previous|new) films include T and T", "P's previous feature, T,", "Her debut, T,"
    if (
      (t === 'his' || t === 'her' || t === 'their') &&
      /^(?:latest|previous|new|earlier|recent|next|debut|first|second|third|last|upcoming|feature|films|film|credits|sophomore)$/.test(nxt)
    ) {
      let person = c.st.focusPerson;
      for (let b = j - 1; b >= 0; b--)
        if (/^[PE]\d+$/.test(c.tok(b)) && personLike(c, b)) {
          person = resolveShort(c.st.reg, c.item(b).text)?.name ?? c.name(b);
          break;
        }
      if (!person) continue;
      let k = j + 1;
      while (k < n && k < j + 10 && !c.isTitle(k) && c.tok(k) !== '.') k++;
      if (!c.isTitle(k)) continue;
      const role = c.st.roleOf.get(nk(person)) ?? 'director';
      addCredit(c, c.item(k).text, role === 'cast' ? 'cast' : 'director', person, 0.7);
      while ((c.tok(k + 1) === 'and' || c.tok(k + 1) === ',') && c.isTitle(k + 2)) {
        k += 2;
        addCredit(c, c.item(k).text, role === 'cast' ? 'cast' : 'director', person, 0.7);
      }
      continue;
    }
    if (
      /^[PE]\d+$/.test(t) &&
      c.raw(j).endsWith("'s") &&
      /^(?:latest|previous|new|earlier|recent|next|debut|first|second|third|last)$/.test(nxt)
    ) {
      // handled above by the possessive rule's exclusion: "Ferreyra's previous feature, T, won"
      let k = j + 1;
      while (k < n && k < j + 6 && !c.isTitle(k)) k++;
      if (c.isTitle(k) && personLike(c, j)) addCredit(c, c.item(k).text, 'director', c.name(j), 0.75);
      continue;
    }
    // "P ... is known for T and T"
    if (t === 'known' && nxt === 'for' && c.isTitle(j + 2)) {
      let person: string | null = null;
      for (let k = j - 1; k >= 0; k--)
        if (/^[PE]\d+$/.test(c.tok(k)) && personLike(c, k)) {
          person = c.name(k);
          break;
        }
      person ??= /^(?:he|she)$/.test(c.tok(j - 2)) ? c.st.focusPerson : null;
      if (!person) continue;
      const full = resolveShort(c.st.reg, person)?.name ?? person;
      const role = c.st.roleOf.get(nk(full)) ?? 'director';
      let k = j + 2;
      addCredit(c, c.item(k).text, role === 'cast' ? 'cast' : 'director', full, 0.7);
      while ((c.tok(k + 1) === 'and' || c.tok(k + 1) === ',') && c.isTitle(k + 2)) {
        k += 2;
        addCredit(c, c.item(k).text, role === 'cast' ? 'cast' : 'director', full, 0.7);
      }
      continue;
    }
    // "Tilda Swinton and Honor Swinton Byrne star." / "... co-star"
    if (
      (t === 'star' || t === 'co-star' || t === 'costar') &&
      /^(?:\.|,|in|alongside|opposite|as)?$/.test(nxt) &&
      /^[PE]\d+$/.test(c.tok(j - 1))
    ) {
      const names: string[] = [];
      let k = j - 1;
      while (k >= 0 && (/^[PE]\d+$/.test(c.tok(k)) || c.tok(k) === 'and' || c.tok(k) === ',')) {
        if (/^[PE]\d+$/.test(c.tok(k)) && personLike(c, k)) names.unshift(c.name(k));
        k--;
      }
      if (k < 0 && names.length) for (const name of names) addCredit(c, c.st.focus ?? c.st.lead, 'cast', name, 0.75);
      continue;
    }
    // "T with P" (cast), only right after a title
    if (c.isTitle(j) && nxt === 'with' && /^[PE]\d+$/.test(c.tok(j + 2)) && personLike(c, j + 2) && !c.raw(j + 2).endsWith("'s")) {
      addCredit(c, c.item(j).text, 'cast', c.name(j + 2), 0.6);
      continue;
    }
    // "It stars P" handled by "stars"; "P stars in T"
    // "the feature debut of director P" handled; "P, who ..." skip
  }
  void text;
}

function addCompany(c: Ctx, title: string | null, role: TitleCompanyRole, company: string): void {
  if (!title || !company) return;
  const name = resolveShort(c.st.reg, company)?.name ?? company;
  add(c.st, 'titleCompany', { title, role, company: name }, 0.75, c.span());
  learn(c.st.reg, name, 'company');
}

/** "produced by X, Y and Z" : companies become production companies, people producers. */
function extractProducers(c: Ctx, k: number, limit: number, title: string | null, co: boolean): void {
  let j = k;
  while (j < limit) {
    const t = c.tok(j);
    if (/^[CEP]\d+$/.test(t)) {
      const it = c.item(j);
      if (c.raw(j).endsWith("'s")) {
        // "Ferreyra's own banner, Pampa Films", "Slovenia's Vertigo": skip the possessor
        j++;
        continue;
      }
      if (
        it.ent === 'company' ||
        c.isCompanyName(j) ||
        (!personLike(c, j) && it.text.split(' ').length === 1 && !resolveShort(c.st.reg, it.text))
      )
        addCompany(c, title, co ? 'co-production' : 'production', c.name(j));
      else addCredit(c, title, 'producer', c.name(j), 0.8);
      j++;
      continue;
    }
    if ((/^[RN]\d+$/.test(t) && c.raw(j).endsWith("'s")) || (/^[XCE]\d+$/.test(t) && c.item(j).mod === 'based')) {
      j++;
      continue;
    }
    if (
      [',', 'and', '&', 'own', 'banner', 'the', 'his', 'her', 'their', 'its', 'company', 'through', 'via', 'under', 'for'].includes(t) ||
      /^[RN]\d+$/.test(t)
    ) {
      j++;
      continue;
    }
    break;
  }
}

export function extractSourceAndStatus(c: Ctx): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  const src =
    /\b(?:adapted (?:it |the film |the script |the screenplay )?from|based on|adaptation of|adapting|inspired by|drawn from)\b(?: [^.;]*?)?\b(graphic novel|novel|short story|memoir|play|book|bestseller|best-seller|comic book|comic|manga|article|true story|podcast|short film|stage play|musical|biography|autobiography|poem|novella|video game)s?\b/.exec(
      text,
    );
  if (src) {
    const title = firstTitle(c) ?? c.st.focus ?? c.st.lead;
    const material =
      src[1] === 'bestseller' || src[1] === 'best-seller'
        ? 'novel'
        : src[1] === 'comic book'
          ? 'comic'
          : src[1] === 'stage play'
            ? 'play'
            : src[1];
    const note = null;
    if (title && !/\binspired by (?:a |the )?true\b/.test(text)) add(c.st, 'sourceMaterial', { title, material, note }, 0.8, c.span());
  }
  let status: ProductionStatus | null = null;
  if (
    /\b(?:wrapped|wraps) (?:production|shooting|filming|principal photography)\b|\b(?:production|shooting|filming|principal photography) (?:has |have )?wrapped\b|\bhas wrapped\b|\bin post-production\b|\bin post\b|\bcompleted (?:shooting|filming|production)\b/.test(
      text,
    )
  )
    status = 'wrapped';
  else if (
    /\b(?:has |have )?(?:begun|began|started|starts|kicked off|commenced) (?:shooting|filming|production|principal photography)\b|\bis (?:currently )?(?:shooting|filming)\b|\bare (?:currently )?(?:shooting|filming)\b|\bin production\b|\bcameras (?:are )?roll(?:ed|ing)\b|\bprincipal photography (?:is underway|has begun|began|started)\b|\bis now shooting\b|\bunderway in\b/.test(
      text,
    ) &&
    !/\bwill (?:begin|start)\b|\bbegins? in\b|\bstarts? in\b/.test(text)
  )
    status = 'production';
  else if (
    /\b(?:in (?:pre-production|development|preproduction)|is developing|are developing|set to (?:shoot|film|begin)|shoots (?:in|this|next|later)|films (?:in|this|next)|begins shooting|starts shooting|will (?:shoot|film|begin shooting|start shooting|go before cameras)|(?:principal photography|shooting|production|filming) (?:is set to |will )?(?:begins?|starts?|kicks off) (?:in|next|on|this|later)|is prepping|preps)\b/.test(
      text,
    )
  )
    status = 'development';
  if (status) {
    let title: string | null = null;
    const m =
      /\b(?:wrapped|wraps|shooting|filming|production|photography|begun|began|started|developing|prepping) (?:on )?(?:\S+ ){0,6}?T(\d+)/.exec(
        c.sk.text.replace(/'s/g, ''),
      );
    if (m) title = c.sk.items[Number(m[1])].text;
    title ??= firstTitle(c) ?? c.st.focus ?? c.st.lead;
    if (title) {
      add(c.st, 'productionStatus', { title, status }, 0.7, c.span());
      // "He recently wrapped production on T": the focus person directs it
      if (/^(?:he|she)$/.test(c.tok(0)) && c.st.focusPerson && c.isTitle(c.toks.findIndex((x) => /^T\d+$/.test(x)))) {
        const role = c.st.roleOf.get(nk(c.st.focusPerson)) ?? 'director';
        if (role === 'director') addCredit(c, title, 'director', c.st.focusPerson, 0.65);
      }
    }
  }
  // "C release", "C's upcoming slate includes T, T", "C also premiered T"
  for (let j = 0; j < n; j++) {
    if (!/^[CE]\d+$/.test(c.tok(j)) || !c.isCompanyName(j)) continue;
    const company = c.name(j);
    if (c.tok(j + 1) === 'release' && c.tok(j - 1) !== 'a' && c.tok(j - 1) !== 'its') {
      // "joins Celine Sciamma's T as the second Neon release": the titles of the sentence
      for (let k = 0; k < j; k++) if (c.isTitle(k)) addCompany(c, c.item(k).text, 'distributor', company);
    }
    if (
      c.raw(j).endsWith("'s") &&
      /^(?:upcoming |new |fall |current |\d{4} )?(?:slate|lineup|line-up|releases)\b/.test(c.words(j + 1, j + 3))
    ) {
      for (let k = j + 1; k < c.clauseEnd(j + 1); k++) if (c.isTitle(k)) addCompany(c, c.item(k).text, 'distributor', company);
    }
    if (
      /^(?:also )?(?:premiered|debuted|bowed|launched)$/.test(c.words(j + 1, j + 3).replace(/ .*/, '')) ||
      c.seq(j + 1, ['also', 'premiered']) ||
      /^(?:recently )?debuted (?:three|two|four|five|several|\w+) titles\b/.test(c.words(j + 1, j + 5))
    ) {
      for (let k = j + 1; k < n; k++) if (c.isTitle(k)) addCompany(c, c.item(k).text, 'distributor', company);
    }
  }
  // "... for a running total of €18.4 million, distributor Constantin Film reported": the title's distributor
  for (let j = 0; j < n; j++) {
    if (
      c.tok(j) !== 'distributor' ||
      !/^[CE]\d+$/.test(c.tok(j + 1)) ||
      !/^(?:said|says|reported|reports|announced|told|confirmed)$/.test(c.tok(j + 2))
    )
      continue;
    const title = firstTitle(c) ?? c.st.focus;
    if (title) addCompany(c, title, 'distributor', c.name(j + 1));
  }
  // "It recently debuted three titles at Cannes, including T": the company
  if (/^it (?:recently |also )?(?:debuted|premiered|launched) (?:\w+ )?titles\b/.test(text) && c.st.focusCompany) {
    for (let k = 0; k < n; k++) if (c.isTitle(k)) addCompany(c, c.item(k).text, 'distributor', c.st.focusCompany);
  }
  // "Out of Cannes, the company acquired T": the company distributes it
  for (const d of dealsHere(c)) {
    if (
      !d.fields.territories &&
      /^(?:acquired|acquires|nabbed|picked up|bought)$/.test(c.toks.find((x) => /^(?:acquired|acquires|nabbed|bought)$/.test(x)) ?? '') &&
      /\bthe company\b|\bthe distributor\b/.test(text)
    )
      addCompany(c, d.fields.title, 'distributor', d.fields.buyer);
    if (/\bdistributed\b/.test(text)) addCompany(c, d.fields.title, 'distributor', d.fields.buyer);
  }
}

export function firstTitle(c: Ctx): string | null {
  for (let j = 0; j < c.toks.length; j++) if (c.isTitle(j)) return c.item(j).text;
  return null;
}
