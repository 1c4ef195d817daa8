/**
 * The one marker of a fact read from a source (an article, an import): reviewed by a person, or
 * not yet. Every page that shows such a fact uses it, so "not yet reviewed" reads the same on the
 * deal page, the title page and the market picture (docs/ingest.md, "Review").
 */
export function reviewLabel(reviewed: boolean, kind?: string | null): string {
  const from = kind === 'import' ? 'imported' : kind === 'manual' ? 'entered by hand' : 'from the press';
  return `${from}, ${reviewed ? 'reviewed' : 'not yet reviewed'}`;
}

export function ReviewMark({ reviewed, kind }: { reviewed: boolean; kind?: string | null }) {
  return (
    <span
      className={`badge review-mark badge--${reviewed ? 'good' : 'warn'}`}
      title={reviewed ? 'A person checked this fact against its source' : 'Nobody has checked this fact against its source yet'}
    >
      {reviewLabel(reviewed, kind)}
    </span>
  );
}
