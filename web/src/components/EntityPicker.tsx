/**
 * Pick titles, companies or people by typing part of a name (the server's
 * search forgives typos). Single or multiple; keyboard: arrows, Enter, Escape,
 * Backspace removes the last chip.
 *
 * The list opens when the user asks for it (typing, a click or tap on the box,
 * ArrowDown), never because the input got the focus (a form moving the focus
 * to a field with an error must not cover that error), and closes after every
 * pick, the multiple picker's too: left open, it covered the fields below and
 * the next click there added a value nobody chose. The input keeps the focus,
 * so typing again reopens it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api, withQuery } from '../lib/api';
import type { Page, Ref } from '../../../src/contract/index.js';

export type EntityKind = 'titles' | 'companies' | 'people';

interface Item {
  id: string;
  name?: string;
  englishTitle?: string | null;
  originalTitle?: string;
  year?: number | null;
  kind?: string;
  country?: string | null;
}

function toRef(i: Item): Ref & { detail?: string } {
  const name = i.name ?? i.englishTitle ?? i.originalTitle ?? i.id;
  const detail = i.year ? String(i.year) : i.kind ? i.kind.replace(/-/g, ' ') : undefined;
  return { id: i.id, name, detail };
}

interface Common {
  kind: EntityKind;
  /** Offer to create what was typed when nothing matches exactly (e.g. a new licensee). */
  onCreate?: (name: string) => Promise<Ref>;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  placeholder?: string;
}

export function EntityPicker(
  props: Common &
    (
      | { multiple: true; value: Ref[]; onChange: (v: Ref[]) => void }
      | { multiple?: false; value: Ref | null; onChange: (v: Ref | null) => void }
    ),
) {
  const { kind, placeholder, onCreate } = props;
  const [createError, setCreateError] = useState<string>();
  const auto = useId();
  const inputId = props.id ?? auto;
  const listId = `${inputId}-list`;
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Array<Ref & { detail?: string }>>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const selected: Ref[] = props.multiple ? props.value : props.value ? [props.value] : [];

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    const t = setTimeout(() => {
      api.get<Page<Item> | Item[]>(withQuery(`/api/${kind}`, { q: text.trim(), pageSize: 12 }), { signal: ctrl.signal }).then(
        (r) => {
          const items = (Array.isArray(r) ? r : r.items).map(toRef).filter((o) => !selected.some((s) => s.id === o.id));
          setOptions(items);
          setActive(0);
        },
        () => undefined,
      );
    }, 150);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the chosen ids, not on the new array each render
  }, [text, open, kind, selected.map((s) => s.id).join(',')]);

  const typed = text.trim();
  // what was just picked is not offered again while the next answer is on its way
  const offered = options.filter((o) => !selected.some((s) => s.id === o.id));
  const canCreate = Boolean(onCreate && typed && !offered.some((o) => o.name.toLowerCase() === typed.toLowerCase()));
  const all: Array<Ref & { detail?: string; create?: boolean }> = canCreate
    ? [...offered, { id: '\u0000new', name: typed, create: true }]
    : offered;

  async function choose(o: Ref & { create?: boolean }) {
    if (o.create && onCreate) {
      try {
        setCreateError(undefined);
        o = await onCreate(o.name);
      } catch (e) {
        setCreateError((e as Error).message);
        return;
      }
    }
    const ref = { id: o.id, name: o.name };
    if (props.multiple) props.onChange([...props.value, ref]);
    else props.onChange(ref);
    setText('');
    setOpen(false);
    inputRef.current?.focus();
  }

  function remove(id: string) {
    if (props.multiple) props.onChange(props.value.filter((v) => v.id !== id));
    else props.onChange(null);
    inputRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(all.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && open && all[active]) {
      e.preventDefault();
      void choose(all[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    } else if (e.key === 'Backspace' && !text && selected.length) {
      remove(selected[selected.length - 1].id);
    }
  }

  const single = !props.multiple && selected.length === 1;
  return (
    <div className="combo entity-picker">
      <div
        className="chips-input"
        onClick={(e) => {
          // a chip's remove button is not a request for the list
          if ((e.target as HTMLElement).closest('button')) return;
          inputRef.current?.focus();
          if (!single) setOpen(true);
        }}
      >
        {selected.map((s) => (
          <span key={s.id} className="chip">
            {s.name}
            {s.id.startsWith('new:') && (
              <span className="chip-new" title="Not on file yet: added when this is saved">
                {' '}
                new
              </span>
            )}
            <button type="button" className="chip-x" aria-label={`Remove ${s.name}`} onClick={() => remove(s.id)}>
              ×
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open && all.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && all[active] ? `${listId}-${active}` : undefined}
          aria-describedby={props['aria-describedby']}
          aria-invalid={props['aria-invalid']}
          placeholder={single ? '' : placeholder}
          value={text}
          hidden={false}
          readOnly={single}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={listId} role="listbox" className="combo-list" hidden={!open || all.length === 0}>
        {all.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              void choose(o);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {o.create ? (
              <span className="combo-name combo-create">+ Create “{o.name}”</span>
            ) : (
              <>
                <span className="combo-name">{o.name}</span>
                {o.detail && <span className="combo-meta">{o.detail}</span>}
              </>
            )}
          </li>
        ))}
      </ul>
      {createError && <p className="field-error">{createError}</p>}
    </div>
  );
}
