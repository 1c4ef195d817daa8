/** How a document names a festival edition: "TIFF 2021", or {festival, year} / {festival, number}. */
export type EditionRef = string | { festival: string; year?: number; number?: number };
