/** A one-time message carried to the next page (e.g. "Deleted X" shown on the deals list). */
let pending: string | undefined;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | undefined {
  const m = pending;
  pending = undefined;
  return m;
}
