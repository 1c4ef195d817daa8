/**
 * Types for the two libraries under pdfkit that filmrights calls directly and that ship none: the
 * parts used here only (src/interchange/pdf).
 */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  /** A TrueType/OpenType file (a collection answers with its fonts, which filmrights does not use). */
  export function create(buffer: Buffer): Font | { fonts: Font[] };
}

declare module 'linebreak' {
  /** The Unicode line breaking algorithm (UAX #14): the places a line may end. */
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: the line may end before `position`; `required` after a newline. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
