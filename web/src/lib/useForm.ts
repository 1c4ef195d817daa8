/**
 * The small state every record form shares: the server's error shown next to
 * the field it names (and gone once that field changes), a form-level error
 * for the rest, and a busy flag while the request runs.
 */
import { useState } from 'react';
import { ApiError, fieldMessage } from './api';

export interface FormState {
  busy: boolean;
  errors: Record<string, string>;
  formError?: string;
  /** The error for a field, if the server named it. */
  err: (field: string) => string | undefined;
  /** Forget the error of a field the user just changed. */
  touch: (...fields: string[]) => void;
  /** Runs a request; a field error goes next to its field, anything else above the buttons. Resolves true on success. */
  submit: (run: () => Promise<unknown>, fieldFor?: (serverField: string) => string) => Promise<boolean>;
  reset: () => void;
}

export function useForm(): FormState {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  return {
    busy,
    errors,
    formError,
    err: (f) => errors[f],
    touch: (...fields) =>
      setErrors((x) => {
        if (!fields.some((f) => f in x)) return x;
        const next = { ...x };
        for (const f of fields) delete next[f];
        return next;
      }),
    reset: () => {
      setErrors({});
      setFormError(undefined);
    },
    async submit(run, fieldFor = (f) => f) {
      setBusy(true);
      setFormError(undefined);
      setErrors({});
      try {
        await run();
        return true;
      } catch (x) {
        const a = x instanceof ApiError ? x : new ApiError(0, { error: 'client', message: String(x) });
        if (a.field && a.field !== 'body' && a.field !== 'id') {
          setErrors({ [fieldFor(a.field)]: fieldMessage(a.message) });
          requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        } else setFormError(a.message);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
