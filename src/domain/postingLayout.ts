/**
 * The layout of a posting-list entry of the rights index (rightsIndex.ts): the block position,
 * title, start, end and meta numbers, STRIDE numbers an entry.
 */
/** Meta: kind | exclusive << 2 | undated << 3 | language set << 4; DEAD_META once the block is replaced. */
export const STRIDE = 5;
export const E_TITLE = 1;
export const E_START = 2;
export const E_END = 3;
export const E_META = 4;
export const DEAD_META = -1;
/** Meta bit of an undated block (a condition whose event is not dated). */
export const UNDATED = 8;
export const K_IN = 0;
export const K_HOLDBACK = 3;
