/**
 * The small state every record form shares: the server's error shown next to
 * the field it names (and gone once that field changes), a form-level error
 * for the rest, and a busy flag while the request runs.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, fieldMessage } from './api';

export interface FormState {
  busy: boolean;
  errors: Record<string, string>;
  formError?: string;
  /** The refusal behind `formError`, for ErrorNote (it says what kind of refusal it was). */
  failure?: ApiError;
  /** The error for a field, if the server named it. */
  err: (field: string) => string | undefined;
  /** Forget the error of a field the user just changed. */
  touch: (...fields: string[]) => void;
  /**
   * Runs a request; a field error goes next to its field, anything else above the buttons. Resolves true on success.
   * `fieldFor` maps the server's field path to the form's field; undefined: not a field of this form (the
   * message, path and all, goes above the buttons rather than next to a field no one sees).
   */
  submit: (run: () => Promise<unknown>, fieldFor?: (serverField: string) => string | undefined) => Promise<boolean>;
  reset: () => void;
}

export function useForm(): FormState {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError>();
  // the field the server refused takes the focus once it is drawn marked (an effect: after React has committed it)
  const focusMarked = useRef(false);
  useEffect(() => {
    if (!focusMarked.current) return;
    focusMarked.current = false;
    document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const formError = failure?.message;
  return {
    busy,
    errors,
    formError,
    failure,
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
      setFailure(undefined);
    },
    async submit(run, fieldFor = (f) => f) {
      setBusy(true);
      setFailure(undefined);
      setErrors({});
      try {
        await run();
        return true;
      } catch (x) {
        const a = x instanceof ApiError ? x : new ApiError(0, { error: 'client', message: String(x) });
        const field = a.field && a.field !== 'body' && a.field !== 'id' ? fieldFor(a.field) : undefined;
        if (field) {
          setErrors({ [field]: fieldMessage(a.message) });
          focusMarked.current = true;
        } else setFailure(a);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
