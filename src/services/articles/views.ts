/** What the review shows of an article and its facts. */
import type { UnreadSentence } from '../../ingest/unread.js';
import { type EntityMatch } from '../../ingest/resolve.js';
import { type FactType, type Span } from '../../ingest/types.js';
import { type ArticleFactStatus, type WrittenFact } from '../../store/index.js';
import { type FactTable } from '../provenance.js';

// ------------------------------------------------------------------ views

/** What accepting a fact wrote (article_facts.written). */
export type Written = WrittenFact;

export interface KnownFact {
  table: FactTable;
  id: string;
  /** How many sources state it already. */
  sources: number;
  /** This article is already one of them. */
  fromThisArticle: boolean;
}

export interface FactView {
  id: string;
  position: number;
  type: FactType;
  fields: Record<string, unknown>;
  confidence: number;
  span: Span;
  spans: Span[];
  quote: string;
  status: ArticleFactStatus;
  /** Names resolved against the catalog, by field ("title", "buyer", "negotiators[0]"...). */
  resolution: Record<string, EntityMatch>;
  known: KnownFact | null;
  written: Written | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface ArticleView {
  id: string;
  sourceId: string;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  url: string | null;
  file: string | null;
  text: string;
  titleSpans: Span[];
  createdAt: string;
  counts: Record<ArticleFactStatus, number>;
  facts: FactView[];
  /** Sentences with a sale's words that gave no deal, talks or mandate fact, or leave out a company they name: for a person to read (unread.ts). */
  unread: UnreadSentenceView[];
}

export interface ArticleListItem {
  id: string;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  url: string | null;
  createdAt: string;
  counts: Record<ArticleFactStatus, number>;
  /** Sentences the review lists as not read that no one has checked yet (unread.ts). */
  toRead: number;
}

/** A sentence the review lists as not read (unread.ts), and whether a person checked it: nothing to add. */
export interface UnreadSentenceView extends UnreadSentence {
  checked: { by: string | null; at: string } | null;
}
