import { DomainError } from './errors.js';

/**
 * A fixed, ordered table of codes (ISO countries, media leaves). The position
 * of a code is its bit in a Bitset; the order never changes at run time.
 */
export class CodeTable {
  readonly codes: readonly string[];
  private readonly positions: Map<string, number>;

  constructor(
    readonly kind: string,
    codes: readonly string[],
  ) {
    this.codes = codes;
    this.positions = new Map(codes.map((c, i) => [c, i]));
    if (this.positions.size !== codes.length) {
      throw new DomainError('invalid', kind, codes, `${kind}: duplicate codes in code table`);
    }
  }

  get size(): number {
    return this.codes.length;
  }

  indexOf(code: string): number {
    const i = this.positions.get(code);
    if (i === undefined) throw new DomainError('unknown-name', this.kind, code, `${this.kind}: unknown code "${code}"`);
    return i;
  }

  has(code: string): boolean {
    return this.positions.has(code);
  }

  codeAt(i: number): string {
    return this.codes[i];
  }
}
