/** A secret shown once (a new password, a new API token): selected on focus, a Copy button, and what happened to the copy. */
import { useRef, useState } from 'react';

export function CopyOnce({ id, label, noun, value }: { id: string; label: string; noun: string; value: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean>();
  return (
    <>
      <div className="secret-row">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <input
          ref={ref}
          id={id}
          className="secret-value"
          type="text"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" className="btn btn--primary" onClick={() => void copyText(value, ref.current).then(setCopied)}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="muted small" role="status">
        {copied === false
          ? `Copying was not allowed by the browser: the ${noun} is selected, press Ctrl+C (⌘C on a Mac).`
          : copied
            ? `The ${noun} is on your clipboard.`
            : ''}
      </p>
    </>
  );
}

/** Copies to the clipboard; on a plain-HTTP address (no Clipboard API) it selects the text and copies that. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the selection */
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
