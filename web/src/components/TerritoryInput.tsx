/**
 * A territory expression ("Worldwide excl. North America and China") with
 * autocomplete for the part under the caret, from the server's names for
 * groups and countries, and the server's reading of the whole expression
 * underneath ("= 248 countries") or why it cannot read it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api, ApiError, fieldMessage, withQuery } from '../lib/api';
import { applySuggestion, fragmentsAt, type Fragment } from '../lib/territoryExpr';
import type { TerritorySuggestion } from '../../../src/contract/index.js';
import { useCountries } from '../lib/reference';
import { TerritoryMapPicker } from './TerritoryMapPicker';

export interface ParsedTerritories {
  codes: string[];
  label: string;
}

export interface TerritoryInputProps {
  value: string;
  onChange: (value: string) => void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  placeholder?: string;
  /** Called with the server's reading, or null when the expression cannot be read. */
  onParsed?: (parsed: ParsedTerritories | null) => void;
  /** Show the server's reading under the input (default true). */
  showReading?: boolean;
  suggest?: (q: string, signal: AbortSignal) => Promise<TerritorySuggestion[]>;
  parse?: (expr: string, signal: AbortSignal) => Promise<ParsedTerritories>;
  /** Milliseconds to wait after typing before asking the server. */
  delay?: number;
  /** Offer a map to pick countries on. */
  mapPicker?: boolean;
}

const defaultSuggest = (q: string, signal: AbortSignal) =>
  api.get<TerritorySuggestion[]>(withQuery('/api/reference/territories', { q }), { signal });
const defaultParse = (expr: string, signal: AbortSignal) =>
  api.get<ParsedTerritories>(withQuery('/api/reference/territories/parse', { expr }), { signal });

interface Option extends TerritorySuggestion {
  fragment: Fragment;
}

export function TerritoryInput({
  value,
  onChange,
  id,
  placeholder = 'e.g. Worldwide excl. North America and China',
  onParsed,
  showReading = true,
  suggest = defaultSuggest,
  parse = defaultParse,
  delay = 150,
  mapPicker = false,
  ...aria
}: TerritoryInputProps) {
  const [showMap, setShowMap] = useState(false);
  const autoId = useId();
  const inputId = id ?? autoId;
  const listId = `${inputId}-list`;
  const readingId = `${inputId}-reading`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [typed, setTyped] = useState(false);
  const [reading, setReading] = useState<{ expr: string; parsed?: ParsedTerritories; error?: ApiError } | null>(null);
  const onParsedRef = useRef(onParsed);
  onParsedRef.current = onParsed;

  // Suggestions for the fragment(s) at the caret, only after the user typed.
  useEffect(() => {
    if (!typed || caret === null) return;
    const frags = fragmentsAt(value, caret).filter((f) => f.text.length >= 1);
    if (!frags.length) {
      setOptions([]);
      setOpen(false);
      return;
    }
    const ctrl = new AbortController();
    const t = setTimeout(async () => {
      try {
        const lists = await Promise.all(frags.map((f) => suggest(f.text, ctrl.signal).then((l) => l.map((s) => ({ ...s, fragment: f })))));
        const seen = new Set<string>();
        const merged: Option[] = [];
        for (const l of lists)
          for (const o of l)
            if (!seen.has(o.name.toLowerCase())) {
              seen.add(o.name.toLowerCase());
              merged.push(o);
            }
        const exact = merged.length === 1 && merged[0].name.toLowerCase() === merged[0].fragment.text.toLowerCase();
        setOptions(merged.slice(0, 10));
        setActive(merged.length ? 0 : -1);
        setOpen(merged.length > 0 && !exact);
      } catch (e) {
        if ((e as Error).name !== 'AbortError') {
          setOptions([]);
          setOpen(false);
        }
      }
    }, delay);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [value, caret, typed, delay, suggest]);

  // The server's reading of the whole expression.
  useEffect(() => {
    const expr = value.trim();
    if (!expr) {
      setReading(null);
      onParsedRef.current?.(null);
      return;
    }
    const ctrl = new AbortController();
    const t = setTimeout(() => {
      parse(expr, ctrl.signal).then(
        (parsed) => {
          setReading({ expr, parsed });
          onParsedRef.current?.(parsed);
        },
        (e: unknown) => {
          if ((e as Error).name === 'AbortError') return;
          setReading({ expr, error: e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) }) });
          onParsedRef.current?.(null);
        },
      );
    }, delay + 250);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [value, delay, parse]);

  function choose(o: Option) {
    // The suggestions may be for what was typed a moment ago: complete the fragment as it is now.
    const at = inputRef.current?.selectionStart ?? value.length;
    const now = fragmentsAt(value, at);
    const fragment = now.find((f) => f.start === o.fragment.start) ?? now[now.length - 1] ?? o.fragment;
    const next = applySuggestion(value, fragment, o.name);
    onChange(next.text);
    setOpen(false);
    setTyped(false);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && options.length) setOpen(true);
      else setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if ((e.key === 'Enter' || e.key === 'Tab') && open && active >= 0 && options[active]) {
      if (e.key === 'Tab' && e.shiftKey) return setOpen(false);
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const describedBy = [aria['aria-describedby'], showReading && reading ? readingId : undefined].filter(Boolean).join(' ') || undefined;
  const suggestions = reading?.error?.body.suggestions;

  return (
    <div className="combo">
      <div className={mapPicker ? 'input-with-button' : undefined}>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={aria['aria-invalid'] || (reading?.error && reading.expr === value.trim()) ? true : undefined}
          placeholder={placeholder}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setCaret(e.target.selectionStart ?? e.target.value.length);
            setTyped(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        {mapPicker && (
          <button
            type="button"
            className="btn btn--small"
            aria-expanded={showMap}
            aria-controls={`${inputId}-map`}
            onClick={() => setShowMap((m) => !m)}
          >
            {showMap ? 'Hide map' : 'Map…'}
          </button>
        )}
      </div>
      <ul id={listId} role="listbox" className="combo-list" hidden={!open} aria-label="Territory suggestions">
        {options.map((o, i) => (
          <li
            key={`${o.kind}-${o.name}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="combo-name">{o.name}</span>
            <span className="combo-meta">{o.kind === 'group' ? `group · ${o.codes.length} countries` : o.codes[0]}</span>
          </li>
        ))}
      </ul>
      {mapPicker && showMap && (
        <div id={`${inputId}-map`}>
          <MapPanel
            value={value}
            codes={reading?.parsed && reading.expr === value.trim() ? reading.parsed.codes : value.trim() ? undefined : []}
            onChange={onChange}
          />
        </div>
      )}
      {showReading && reading && reading.expr === value.trim() && (
        <p id={readingId} className={`combo-reading${reading.error ? ' is-error' : ''}`} aria-live="polite">
          {reading.parsed ? (
            <>
              <span aria-hidden="true">= </span>
              {reading.parsed.label}
              <span className="muted">
                {' '}
                · {reading.parsed.codes.length} {reading.parsed.codes.length === 1 ? 'country' : 'countries'}
              </span>
            </>
          ) : (
            <>
              {fieldMessage(reading.error?.message ?? '', { dropSuggestions: Boolean(suggestions?.length) })}
              {suggestions && suggestions.length > 0 && (
                <>
                  {' '}
                  Did you mean{' '}
                  {suggestions.slice(0, 4).map((s, i) => (
                    <span key={s}>
                      {i > 0 && ', '}
                      <button
                        type="button"
                        className="linklike"
                        onClick={() => {
                          const bad = reading.error?.body.value;
                          onChange(typeof bad === 'string' && value.includes(bad) ? value.replace(bad, s) : s);
                        }}
                      >
                        {s}
                      </button>
                    </span>
                  ))}
                  ?
                </>
              )}
            </>
          )}
        </p>
      )}
    </div>
  );
}

function MapPanel({ value, codes, onChange }: { value: string; codes: string[] | undefined; onChange: (v: string) => void }) {
  const countries = useCountries();
  const [last, setLast] = useState<string[]>(codes ?? []);
  useEffect(() => {
    if (codes) setLast(codes);
  }, [codes]);
  return <TerritoryMapPicker value={value} codes={codes ?? last} names={countries.byCode} onChange={onChange} />;
}
