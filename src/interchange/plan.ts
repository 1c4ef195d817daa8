/**
 * What an import will create. Every importer (EMA avails, deal and catalog
 * sheets, the JSON document) turns its file into a Plan: companies and
 * titles to find or create, contracts with their rights blocks, each
 * remembering the rows it came from. The plan is plain data: the one writer
 * (services/write, `commitPlan`) checks it through the same rules as manual
 * entry (conflict check included) and writes it in ONE transaction, or
 * nothing. An import with more than rights (people, festivals, sources...)
 * adds the checked records part of services/write/records.ts.
 */
import type { Money } from '../domain/money/amounts.js';
import { slugId, type CompanyKind, type ContractStatus, type WrittenFact } from '../store/index.js';
import type { ImportSummary, TitleDoc } from './json/document.js';
import type { ConditionInput, ImportRunResult } from '../contract/index.js';

/** A new title as an importer describes it: the fields of manual entry it can fill (as the JSON document names them). */
export type PlannedTitleInput = Pick<
  TitleDoc,
  'year' | 'countries' | 'languages' | 'runtimeMinutes' | 'productionStatus' | 'aliases' | 'kind' | 'number'
> & {
  originalTitle: string;
  englishTitle?: string | null;
};

export interface PlannedTitle {
  key: string;
  label: string;
  /** An existing title; else `input` is created. */
  existingId?: string;
  input?: PlannedTitleInput;
  /** Directors of a new title (found or created by name). */
  directors?: string[];
  /** The planned title a new season or episode sits under (listed before it in the plan). */
  parentKey?: string;
  rows: string[];
}

export interface PlannedCompany {
  key: string;
  name: string;
  kind: CompanyKind;
}

export interface PlannedBlock {
  titleKey: string;
  territories: string;
  media: string;
  languages: string[] | null;
  start: string | null;
  end: string | null;
  /** Instead of `start`: the start follows an event (docs/domain.md, "Windows that depend on events"). */
  startCondition?: ConditionInput | null;
  /** Instead of `end`: the end follows an event. */
  endCondition?: ConditionInput | null;
  exclusive: boolean;
  rows: string[];
}

export interface PlannedContract {
  ref: string;
  status: ContractStatus;
  /** Company keys; `we` is the install's own company. */
  licensor: string | null;
  licensee: string | null;
  titleKeys: string[];
  blocks: PlannedBlock[];
  mg?: Money | null;
  notes?: string | null;
  rows: string[];
}

export interface Plan {
  titles: PlannedTitle[];
  companies: PlannedCompany[];
  contracts: PlannedContract[];
}

export const WE = 'we';

/**
 * What a run planned or wrote: the API's answer (src/contract), its blocks being the planned blocks
 * named by title; with what the records part created and what accepted facts became, when the plan has them.
 */
export type RunResult = ImportRunResult & {
  /** What the records part of a plan created (people, festivals, sources...), when it has one. */
  summary?: ImportSummary;
  /** What each accepted article fact of the plan became, in its order. */
  facts?: WrittenFact[];
};
/** A planned block as the result names it: by its title's name, not its key. */
export type ResultBlock = Omit<PlannedBlock, 'titleKey'> & { title: string };
// the result's blocks and the plan's stay one shape
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const blocksMatch: Same<ResultBlock, RunResult['contracts'][number]['blocks'][number]> = true;
void blocksMatch;

export interface RunOptions {
  commit: boolean;
  onProgress?: (done: number, total: number) => void;
}

export function refPart(s: string): string {
  return slugId(s).toUpperCase().slice(0, 40);
}
