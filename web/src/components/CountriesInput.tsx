import { useState } from 'react';
import { useCountries } from '../lib/reference';

/** Countries as chips, added by typing a name (or code) from the list. */
export function CountriesInput({
  value,
  onChange,
  ...p
}: {
  value: string[];
  onChange: (v: string[]) => void;
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const countries = useCountries();
  const [text, setText] = useState('');
  const listId = `${p.id}-countries`;
  function add(raw: string) {
    const t = raw.trim().toLowerCase();
    const hit = countries.data?.find((c) => c.name.toLowerCase() === t || c.code.toLowerCase() === t);
    if (!hit) return false;
    if (!value.includes(hit.code)) onChange([...value, hit.code]);
    setText('');
    return true;
  }
  return (
    <div className="combo">
      <div className="chips-input">
        {value.map((c) => (
          <span key={c} className="chip">
            {countries.byCode?.get(c) ?? c}
            <button
              type="button"
              className="chip-x"
              aria-label={`Remove ${countries.byCode?.get(c) ?? c}`}
              onClick={() => onChange(value.filter((x) => x !== c))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          {...p}
          type="text"
          list={listId}
          value={text}
          placeholder={value.length ? '' : 'Type a country'}
          onChange={(e) => {
            if (!add(e.target.value)) setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(text);
            } else if (e.key === 'Backspace' && !text && value.length) onChange(value.slice(0, -1));
          }}
        />
        <datalist id={listId}>
          {countries.data?.map((c) => (
            <option key={c.code} value={c.name} />
          ))}
        </datalist>
      </div>
    </div>
  );
}
