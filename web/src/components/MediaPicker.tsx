/**
 * Media as an expression ("Television, SVOD") that can be typed or picked
 * from the media tree: ticking a node takes all media under it, a half-ticked
 * node has some of them, and the expression is rewritten with the fewest
 * names ("All Media" when everything is ticked).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { checkState, children, fromExpression, toExpression, toggle } from '../lib/mediaTree';
import { useMediaTree } from '../lib/reference';
import type { MediaNode } from '../../../src/contract/index.js';

export interface MediaPickerProps {
  value: string;
  onChange: (value: string) => void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  /** The tree; loaded from /api/reference/media when absent. */
  tree?: MediaNode[];
  placeholder?: string;
}

function NodeCheckbox({
  node,
  selected,
  onToggle,
  depth,
}: {
  node: MediaNode;
  selected: ReadonlySet<string>;
  onToggle: (n: MediaNode) => void;
  depth: number;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const state = checkState(node, selected);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  const kids = children(node);
  return (
    <li role="none">
      <label className={`tree-item depth-${depth}`}>
        <input
          ref={ref}
          type="checkbox"
          checked={state === 'all'}
          aria-checked={state === 'some' ? 'mixed' : state === 'all'}
          onChange={() => onToggle(node)}
        />
        <span>{node.name}</span>
      </label>
      {kids.length > 0 && (
        <ul role="group">
          {kids.map((k) => (
            <NodeCheckbox key={k.id} node={k} selected={selected} onToggle={onToggle} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function MediaTree({
  roots,
  selected,
  onChange,
  label,
}: {
  roots: MediaNode[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  label: string;
}) {
  return (
    <ul className="tree" aria-label={label}>
      {roots.map((r) => (
        <NodeCheckbox key={r.id} node={r} selected={selected} onToggle={(n) => onChange(toggle(n, selected))} depth={0} />
      ))}
    </ul>
  );
}

export function MediaPicker({ value, onChange, id, tree, placeholder = 'e.g. All Media, SVOD, Television', ...aria }: MediaPickerProps) {
  const auto = useId();
  const inputId = id ?? auto;
  const panelId = `${inputId}-tree`;
  const loaded = useMediaTree(!tree);
  const roots = useMemo(() => tree ?? loaded.data ?? [], [tree, loaded.data]);
  const [open, setOpen] = useState(false);
  const reading = useMemo(() => fromExpression(roots, value), [roots, value]);
  const unreadable = value.trim() !== '' && reading.unknown.length > 0;

  return (
    <div className="media-picker">
      <div className="input-with-button">
        <input
          id={inputId}
          type="text"
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={aria['aria-describedby']}
          aria-invalid={aria['aria-invalid']}
        />
        <button type="button" className="btn btn--small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Done' : 'Choose…'}
        </button>
      </div>
      {unreadable && roots.length > 0 && (
        <p className="field-hint">
          Not in the media tree: {reading.unknown.join(', ')}. The server will read it when you save; or choose from the list.
        </p>
      )}
      <div id={panelId} className="media-tree-panel" hidden={!open}>
        {roots.length === 0 ? (
          <p className="muted">{loaded.error ? `The media list could not be loaded: ${loaded.error.message}` : 'Loading media…'}</p>
        ) : (
          <MediaTree
            roots={roots}
            selected={reading.selected}
            label="Choose media from the tree"
            onChange={(next) => onChange(toExpression(roots, next))}
          />
        )}
      </div>
    </div>
  );
}
