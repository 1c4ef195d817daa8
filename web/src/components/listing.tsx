/**
 * What the list pages (catalog, deals, companies, people) share: the search,
 * the filters and the page live in the URL, so a view can be shared as a
 * link; typing is local and the URL follows after a pause.
 */
import { useState } from 'react';
import { useDebounced, useOnChange } from '../lib/hooks';
import { useQueryState } from '../lib/router';
import type { Page } from '../../../src/contract/index.js';
import { Field, Pager, TextField } from './ui';

/** The URL's parameters with their setter, its search (`q`) and page, and the search box's text, which the URL follows. */
export function useListQuery() {
  const [params, set] = useQueryState();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const typed = useDebounced(search, 250);
  useOnChange(typed, (text) => {
    if (text !== q) set({ q: text, page: null });
  });
  return { params, set, q, page, search, setSearch };
}

/** The search box of a list's filters. */
export function SearchField({ value, onChange, placeholder }: { value: string; onChange: (text: string) => void; placeholder: string }) {
  return (
    <TextField
      label="Search"
      className="filters-search"
      type="search"
      placeholder={placeholder}
      value={value}
      onChange={(v) => onChange(v)}
    />
  );
}

/** A filter that picks one value, or "Any". */
export function ChoiceFilter({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Any</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The pager under a list, writing the page to the URL (one history entry per page turned). */
export function ListPager({
  data,
  page,
  pageSize,
  set,
}: {
  data: Pick<Page<unknown>, 'page' | 'pageSize' | 'total'> | undefined;
  page: number;
  pageSize: number;
  set: ReturnType<typeof useQueryState>[1];
}) {
  if (!data) return null;
  return (
    <Pager
      page={data.page ?? page}
      pageSize={data.pageSize ?? pageSize}
      total={data.total}
      onPage={(p) => set({ page: p === 1 ? null : String(p) }, { replace: false })}
    />
  );
}
