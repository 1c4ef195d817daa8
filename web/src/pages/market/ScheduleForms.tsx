/**
 * Adding and changing a meeting or a screening, in the market's local time. Our people are users
 * (ticked) and people (picked); the server checks everything and names the field it refuses.
 */
import { useState, type FormEvent } from 'react';
import type { MeetingView, Ref, ScreeningView } from '../../../../src/contract/index.js';
import { api, ApiError, fieldMessage } from '../../lib/api';
import { useApi } from '../../lib/hooks';
import { EntityPicker } from '../../components/EntityPicker';
import { ErrorNote, Field, FormActions, TextField } from '../../components/ui';

interface Common {
  marketId: string;
  zone: string;
  day: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  return {
    errors,
    error,
    clear: () => (setErrors({}), setError(undefined)),
    take(e: unknown) {
      if (e instanceof ApiError && e.field) setErrors({ [e.field.replace(/\[\d+\].*$/, '')]: fieldMessage(e.message) });
      else setError(e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) }));
    },
  };
}

/** Our users as ticks, and other people (people records) picked by name. */
function PeopleField({
  users,
  setUsers,
  people,
  setPeople,
  error,
}: {
  users: string[];
  setUsers: (u: string[]) => void;
  people: Ref[];
  setPeople: (p: Ref[]) => void;
  error?: string;
}) {
  const team = useApi<Ref[]>('/api/markets/team');
  return (
    <fieldset className="checks">
      <legend>Our people</legend>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="checks-row">
        {(team.data ?? []).map((u) => (
          <label key={u.id} className="inline-check">
            <input
              type="checkbox"
              checked={users.includes(u.id)}
              onChange={(e) => setUsers(e.target.checked ? [...users, u.id] : users.filter((x) => x !== u.id))}
            />{' '}
            {u.name}
          </label>
        ))}
      </div>
      <Field label="Other people">
        {(p) => <EntityPicker {...p} kind="people" multiple value={people} onChange={setPeople} placeholder="Type a name" />}
      </Field>
    </fieldset>
  );
}

const keysOf = (users: string[], people: Ref[]) => [...users.map((u) => `user:${u}`), ...people.map((p) => `person:${p.id}`)];
const splitPeople = (list: Array<{ key: string; name: string }>) => ({
  users: list.filter((p) => p.key.startsWith('user:')).map((p) => p.key.slice(5)),
  people: list.filter((p) => p.key.startsWith('person:')).map((p) => ({ id: p.key.slice(7), name: p.name })),
});

export function MeetingForm({ marketId, zone, day, onDone, onCancel, meeting }: Common & { meeting?: MeetingView }) {
  const initial = meeting ? splitPeople(meeting.people) : { users: [], people: [] };
  const [buyer, setBuyer] = useState<Ref | null>(meeting?.buyer ?? null);
  const [date, setDate] = useState(meeting?.localStart.slice(0, 10) ?? day);
  const [start, setStart] = useState(meeting ? meeting.localStart.slice(11) : '10:00');
  const [end, setEnd] = useState(meeting ? meeting.localEnd.slice(11) : '10:30');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [users, setUsers] = useState<string[]>(initial.users);
  const [people, setPeople] = useState<Ref[]>(initial.people);
  const [titles, setTitles] = useState<Ref[]>(meeting?.titles ?? []);
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [nextStep, setNextStep] = useState(meeting?.nextStep ?? '');
  const [busy, setBusy] = useState(false);
  const f = useFieldErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    f.clear();
    if (!buyer) return f.take(new ApiError(400, { error: 'invalid', message: 'buyerId: pick the buyer', field: 'buyerId' }));
    setBusy(true);
    const body = {
      buyerId: buyer.id,
      start: `${date}T${start}`,
      end: `${date}T${end}`,
      place: place || null,
      people: keysOf(users, people),
      titles: titles.map((t) => t.id),
      notes: notes || null,
      nextStep: nextStep || null,
    };
    try {
      const base = `/api/markets/${encodeURIComponent(marketId)}/meetings`;
      if (meeting) await api.put(`${base}/${encodeURIComponent(meeting.id)}`, body);
      else await api.post(base, body);
      onDone(`The meeting with ${buyer.name} at ${start} was ${meeting ? 'saved' : 'added'}.`);
    } catch (x) {
      f.take(x);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="record-form panel market-form" onSubmit={submit} aria-label={meeting ? 'Change the meeting' : 'Add a meeting'}>
      <h2 className="h3">{meeting ? 'Change the meeting' : 'Add a meeting'}</h2>
      <ErrorNote error={f.error} />
      <div className="form-grid form-grid--auto">
        <Field label="Buyer" error={f.errors.buyerId}>
          {(p) => <EntityPicker {...p} kind="companies" value={buyer} onChange={setBuyer} placeholder="Type a company" />}
        </Field>
        <TextField
          label="Day"
          type="date"
          value={date}
          onChange={setDate}
          error={f.errors.start && !f.errors.end ? f.errors.start : undefined}
          required
        />
        <TextField label={`Starts (${zone})`} type="time" value={start} onChange={setStart} error={f.errors.start} required />
        <TextField label="Ends" type="time" value={end} onChange={setEnd} error={f.errors.end} required />
        <TextField label="Place" value={place} onChange={setPlace} placeholder="Stand, hotel, beach" error={f.errors.place} />
      </div>
      <PeopleField users={users} setUsers={setUsers} people={people} setPeople={setPeople} error={f.errors.people} />
      <Field label="Titles discussed" error={f.errors.titles}>
        {(p) => <EntityPicker {...p} kind="titles" multiple value={titles} onChange={setTitles} placeholder="Type a title" />}
      </Field>
      <Field label="Notes" error={f.errors.notes}>
        {(p) => <textarea {...p} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <TextField label="Next step" value={nextStep} onChange={setNextStep} placeholder="Send the screener" error={f.errors.nextStep} />
      <FormActions busy={busy} label={meeting ? 'Save the meeting' : 'Add the meeting'} onCancel={onCancel} />
    </form>
  );
}

export function ScreeningForm({ marketId, zone, day, onDone, onCancel, screening }: Common & { screening?: ScreeningView }) {
  const initial = screening ? splitPeople(screening.people) : { users: [], people: [] };
  const [title, setTitle] = useState<Ref | null>(screening?.title ?? null);
  const [date, setDate] = useState(screening?.localStart.slice(0, 10) ?? day);
  const [start, setStart] = useState(screening ? screening.localStart.slice(11) : '11:00');
  const [duration, setDuration] = useState(String(screening?.durationMinutes ?? 100));
  const [venue, setVenue] = useState(screening?.venue ?? '');
  const [invited, setInvited] = useState<Ref[]>(screening?.invited.map((b) => b.company) ?? []);
  const [attended, setAttended] = useState<Record<string, boolean | null>>(
    Object.fromEntries((screening?.invited ?? []).map((b) => [b.company.id, b.attended])),
  );
  const [users, setUsers] = useState<string[]>(initial.users);
  const [people, setPeople] = useState<Ref[]>(initial.people);
  const [busy, setBusy] = useState(false);
  const f = useFieldErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    f.clear();
    if (!title) return f.take(new ApiError(400, { error: 'invalid', message: 'titleId: pick the title', field: 'titleId' }));
    setBusy(true);
    const body = {
      titleId: title.id,
      start: `${date}T${start}`,
      durationMinutes: Number(duration),
      venue,
      invited: invited.map((b) => ({ companyId: b.id, attended: attended[b.id] ?? null })),
      people: keysOf(users, people),
    };
    try {
      const base = `/api/markets/${encodeURIComponent(marketId)}/screenings`;
      if (screening) await api.put(`${base}/${encodeURIComponent(screening.id)}`, body);
      else await api.post(base, body);
      onDone(`The screening of ${title.name} at ${start} was ${screening ? 'saved' : 'added'}.`);
    } catch (x) {
      f.take(x);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="record-form panel market-form" onSubmit={submit} aria-label={screening ? 'Change the screening' : 'Add a screening'}>
      <h2 className="h3">{screening ? 'Change the screening' : 'Add a screening'}</h2>
      <ErrorNote error={f.error} />
      <div className="form-grid form-grid--auto">
        <Field label="Title" error={f.errors.titleId}>
          {(p) => <EntityPicker {...p} kind="titles" value={title} onChange={setTitle} placeholder="Type a title" />}
        </Field>
        <TextField label="Day" type="date" value={date} onChange={setDate} required />
        <TextField label={`Starts (${zone})`} type="time" value={start} onChange={setStart} error={f.errors.start} required />
        <TextField
          label="Minutes"
          type="number"
          min={1}
          max={600}
          value={duration}
          onChange={setDuration}
          error={f.errors.durationMinutes}
          required
        />
        <TextField label="Venue" value={venue} onChange={setVenue} placeholder="Palais H" error={f.errors.venue} required />
      </div>
      <Field label="Invited buyers" error={f.errors.invited}>
        {(p) => <EntityPicker {...p} kind="companies" multiple value={invited} onChange={setInvited} placeholder="Type a company" />}
      </Field>
      {invited.length > 0 && (
        <fieldset className="checks">
          <legend>Who came</legend>
          {invited.map((b) => (
            <label key={b.id} className="inline-check">
              <input
                type="checkbox"
                checked={attended[b.id] === true}
                onChange={(e) => setAttended({ ...attended, [b.id]: e.target.checked })}
              />{' '}
              {b.name}
            </label>
          ))}
        </fieldset>
      )}
      <PeopleField users={users} setUsers={setUsers} people={people} setPeople={setPeople} error={f.errors.people} />
      <FormActions busy={busy} label={screening ? 'Save the screening' : 'Add the screening'} onCancel={onCancel} />
    </form>
  );
}
