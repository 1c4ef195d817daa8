import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs a path (null: nothing to load), aborting the previous request when the path changes. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError; loading: boolean }>({
    path,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) {
      setState({ path, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ path, data: s.path === path ? s.data : undefined, loading: true }));
    api
      .get<T>(path, { signal: ctrl.signal })
      .then((data) => setState({ path, data, loading: false }))
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setState({ path, loading: false, error: e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) }) });
      });
    return () => ctrl.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.path === path ? state.data : undefined, error: state.error, loading: state.loading || state.path !== path, reload };
}

/** A value that follows `value` after `ms` without change. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Caches a promise per key for the life of the page (reference data, map shapes). */
const cache = new Map<string, Promise<unknown>>();
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** A cached value by key; a null key loads nothing (the caller has the value already). */
export function useCached<T>(key: string | null, load: () => Promise<T>): { data: T | undefined; error: Error | undefined } {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (key === null) return;
    let live = true;
    cached(key, () => loadRef.current()).then(
      (data) => live && setState({ data }),
      (error: Error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return { data: state.data, error: state.error };
}

/**
 * What a record page remembers between edits: whether its form is open, the
 * notice of the last change, and a version that makes its history reload.
 * `changed` closes the form, shows the notice and reloads the record.
 * `firstNotice` (a one-time message such as takeFlash) is taken once the page
 * is on screen: a render React throws away and runs again (a state
 * initializer's side effect) would have used it up, and the page showed nothing.
 */
export function useRecordEdits(reload: () => void, firstNotice?: () => string | undefined) {
  const [editing, setEditing] = useState(false);
  const [flash, setFlash] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const first = useRef(firstNotice);
  useEffect(() => {
    const message = first.current?.();
    if (message) setFlash(message);
  }, []);
  const changed = (message?: string) => {
    setFlash(message);
    setEditing(false);
    setVersion((v) => v + 1);
    reload();
  };
  return { editing, setEditing, flash, setFlash, version, changed };
}

/**
 * Runs `effect` on the first render and whenever `value` changes, and only
 * then: for effects such as "the URL follows what was typed" that read the
 * current URL but must not run again when the URL moves on its own (back, a
 * link). The effect always sees the render's current values.
 */
export function useOnChange<T>(value: T, effect: (value: T) => void): void {
  const latest = useRef(effect);
  useEffect(() => {
    latest.current = effect;
  });
  useEffect(() => latest.current(value), [value]);
}

/** Runs `effect` once, after the first render (reading a shared link's parameters, prefilling a form). */
export function useMountEffect(effect: () => void): void {
  const first = useRef(effect);
  useEffect(() => first.current(), []);
}
