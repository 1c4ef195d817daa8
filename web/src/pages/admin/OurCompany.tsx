import { useState, type FormEvent } from 'react';
import { api, type ApiError, fieldMessage } from '../../lib/api';
import { useApi } from '../../lib/hooks';
import { Link } from '../../lib/router';
import type { Ref } from '../../../../src/contract/index.js';
import { EntityPicker } from '../../components/EntityPicker';
import { ErrorNote, Field, SavedNote, Section } from '../../components/ui';

/**
 * The company this install works for ("we"): deals where it grants are rights
 * out, where it receives rights in, between others market intelligence.
 * Everyone sees it; an admin changes it.
 */
export function OurCompany({ admin }: { admin: boolean }) {
  const we = useApi<{ company: (Ref & { kind: string }) | null }>('/api/settings/we');
  const [picked, setPicked] = useState<Ref | null>(null);
  const [changing, setChanging] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: string }>({ busy: false });
  const current = we.data?.company ?? null;
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!picked) return setState({ busy: false, error: 'Pick the company.' });
    setState({ busy: true });
    try {
      await api.put('/api/settings/we', { companyId: picked.id });
      setState({
        busy: false,
        saved: `${picked.name} is now our company. New deals take their direction from it; deals already saved keep theirs.`,
      });
      setChanging(false);
      setPicked(null);
      we.reload();
    } catch (x) {
      setState({ busy: false, error: fieldMessage((x as ApiError).message) });
    }
  }
  return (
    <Section title="Our company" id="we">
      <ErrorNote error={we.error} retry={we.reload} />
      {we.data && (
        <p>
          {current ? (
            <>
              This install works for <Link to={`/companies/${encodeURIComponent(current.id)}`}>{current.name}</Link>: deals where it grants
              rights are <strong>rights out</strong>, where it receives them <strong>rights in</strong>, the others market intelligence.
            </>
          ) : (
            <span className="muted">Not set: every deal’s direction is chosen by hand.</span>
          )}
        </p>
      )}
      <SavedNote message={state.saved} />
      {admin && !changing && (
        <button type="button" className="btn btn--small" onClick={() => (setChanging(true), setState({ busy: false }))}>
          {current ? 'Change our company' : 'Set our company'}
        </button>
      )}
      {admin && changing && (
        <form className="token-form" onSubmit={(e) => void save(e)} noValidate aria-label="Our company">
          <Field label="Company" error={state.error}>
            {(p) => <EntityPicker {...p} kind="companies" value={picked} onChange={setPicked} placeholder="Type the company’s name" />}
          </Field>
          <button type="submit" className="btn btn--primary" disabled={state.busy}>
            {state.busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="btn btn--ghost" onClick={() => setChanging(false)}>
            Cancel
          </button>
        </form>
      )}
      {!admin && <p className="muted small">Only an admin can change it.</p>}
    </Section>
  );
}
