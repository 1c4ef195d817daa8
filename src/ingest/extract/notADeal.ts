/**
 * Sentences that name a buyer and a film with a sale's words and still tell no closed deal of the film's rights:
 *
 * - a question (`Will Netflix acquire T?`, a headline `Will Netflix Buy 'T'?`);
 * - a condition (`If X acquires T, ...`, `Unless X acquires T`, `Had X acquired T, ...`);
 * - a buyer denied by `neither ... nor` (`Neither X nor Y acquired T`);
 * - rights to something else than the film: a remake, sequel, book, play, stage, life story, format, soundtrack or
 *   song (`X acquired the remake rights to T`, `the rights to the novel T`, `the rights to P's memoir T`).
 *
 * Read on the sentence's text around the title and the buyer, bounded looks: linear in the sentence.
 *
 * Also the buyer's name without the officer the run read into it (`Curzon CEO Tom Reyes acquired T`: Curzon).
 */

/** Rights to something made from or beside the film, not the film's distribution rights. */
const OTHER_RIGHTS =
  /\b(?:remake|sequel|prequel|spin-?off|reboot|book|publishing|literary|stage|theatrical stage|life|life-story|format|soundtrack|music|song|(?:video )?game|podcast|merchandising)\s+rights\s+(?:to|of|for|on)\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+){0,4}$/i;
const RIGHTS_TO_WORK =
  /\brights\s+(?:to|of|for|on)\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+){0,3}?(?:novel|novella|book|memoir|biography|autobiography|play|stage play|song|podcast|musical|comic|graphic novel|manga|short story|article|life story|video game)\s+(?:\S+\s+){0,2}$/i;

/** The title named as a work the film is yet to be made from: `bought the spec script T`, `Buys Ana Ruiz Novel 'T'`. */
const WORK_BEFORE =
  /\b(?:novel|novella|book|memoir|play|spec script|spec|script|screenplay|pitch|podcast|short story|graphic novel|comic|manga|video game)\s*$/i;

/** A condition opening the clause the buyer stands in: `If`, `Unless`, `Whether`, `Had X acquired`, `Should X buy`. */
const CONDITION = /(?:^|[,;:–—]\s*)(?:if|unless|whether|even if|only if|had|should)\s+(?:the\s+)?$/i;

/** The words a question opens with. */
const QUESTION_OPENER = /^(?:will|would|did|does|do|is|are|was|were|can|could|should|has|have|who|what|why|how|which|where|when)\b/i;

/** Whether the sentence tells no deal of `title`'s rights to `buyer` though it names both with a sale's words. */
export function toldAsNoDeal(sentence: string, title: string, buyer: string): boolean {
  const text = sentence.replace(/[‘’]/g, "'");
  const bare = title.replace(/[‘’]/g, "'");
  // a question: the sentence (or headline) asks, it does not report (not a title that ends in "?": "Who Is Kara?")
  const asked = text.split(bare).join('T').trim();
  // (a "?" inside the closing quote ends a quoted title, unless the sentence opens as a question does)
  if (/\?$/.test(asked) || (/\?\s*['"”’]$/.test(asked) && QUESTION_OPENER.test(asked))) return true;
  // (a condition word read into the buyer's name: "Unless Neon")
  if (/^(?:If|Unless|Whether|Had|Should)\s/.test(buyer)) return true;
  const b = text.indexOf(buyer.replace(/[‘’]/g, "'"));
  if (b >= 0) {
    const before = text.slice(Math.max(0, b - 40), b);
    if (CONDITION.test(before)) return true;
    // "Neither X nor Y acquired": the clause opens with "neither"
    if (/(?:^|[,;:]\s*)neither\s+(?:\S+\s+){0,5}?(?:nor\s+)?$/i.test(before)) return true;
  }
  const t = text.indexOf(bare);
  if (t >= 0) {
    const lead = text.slice(Math.max(0, t - 80), t).replace(/['"“”]\s*$/, '');
    if (OTHER_RIGHTS.test(lead) || RIGHTS_TO_WORK.test(lead) || WORK_BEFORE.test(lead)) return true;
  }
  return false;
}

/** An officer's title and name after a company's: `Neon CEO Tom Quinn`, `Curzon Co-President Ana Ruiz`. */
const OFFICER =
  /^(\S.*?)\s+(?:CEO|COO|CFO|Co-?[Pp]resident|President|Chairman|Chairwoman|Chair|Co-?[Ff]ounder|Founder|Boss|Chief\s+\p{Lu}\S*(?:\s+Officer)?|Head\s+of\s+\p{Lu}\S*|Managing\s+Director|SVP|EVP|VP)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u;

/** The buyer's name without an officer read into it: `Neon CEO Tom Quinn` → `Neon`. */
export function buyerWithoutOfficer(buyer: string): string {
  return OFFICER.exec(buyer)?.[1] ?? buyer;
}
