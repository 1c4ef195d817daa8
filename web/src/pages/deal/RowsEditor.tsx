/** A table of editable rows (fee lines, instalments, expense caps): one input per column, Remove per row, Add below. */

/** A column: the row's field it edits, its header, and how it is entered. */
export interface RowColumn<R> {
  key: keyof R & string;
  header: string;
  /** The accessible name of row `n`'s input ("Fee 2 rate"), from the editor's `name`. */
  label: string;
  type?: 'text' | 'date' | 'select';
  options?: ReadonlyArray<{ value: string; label: string }>;
  size?: number;
  inputMode?: 'numeric' | 'decimal';
  disabled?: (row: R) => boolean;
}

export function RowsEditor<R extends Record<string, string | number | null>>({
  name,
  columns,
  rows,
  onChange,
  blank,
  addLabel,
}: {
  /** How a row is called in labels ("Fee", "Instalment", "Cap"). */
  name: string;
  columns: ReadonlyArray<RowColumn<R>>;
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  blank: R;
  addLabel: string;
}) {
  const update = (i: number, key: keyof R, value: string) => onChange(rows.map((r, k) => (k === i ? { ...r, [key]: value } : r)));
  return (
    <>
      <div className="table-wrap table-wrap--cards rows-editor">
        <table className="data data--cards">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key}>{c.header}</th>
              ))}
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => {
                  const aria = `${name} ${i + 1} ${c.label}`;
                  const value = String(r[c.key] ?? '');
                  return (
                    <td key={c.key} data-label={c.header}>
                      {c.type === 'select' ? (
                        <select aria-label={aria} value={value} onChange={(e) => update(i, c.key, e.target.value)}>
                          {(c.options ?? []).map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          type={c.type ?? 'text'}
                          aria-label={aria}
                          value={value}
                          size={c.size}
                          inputMode={c.inputMode}
                          disabled={c.disabled?.(r)}
                          onChange={(e) => update(i, c.key, e.target.value)}
                        />
                      )}
                    </td>
                  );
                })}
                <td data-label="">
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    aria-label={`Remove ${name.toLowerCase()} ${i + 1}`}
                    onClick={() => onChange(rows.filter((_, k) => k !== i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="rows-add">
        <button type="button" className="btn btn--small" onClick={() => onChange([...rows, { ...blank }])}>
          {addLabel}
        </button>
      </div>
    </>
  );
}
