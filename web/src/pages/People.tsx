import { Directory } from '../components/Directory';
import { setFlash } from '../lib/flash';
import { navigate } from '../lib/router';
import { PersonForm } from './Person';

/** The people on file; "New person" opens the person editor for a new record and goes to their page. */
export default function People() {
  return (
    <Directory
      kind="people"
      title="People"
      create={{
        label: 'New person',
        form: (close) => (
          <PersonForm
            onCancel={close}
            onSaved={(p) => {
              setFlash(p.created ? `${p.name} was added.` : `${p.name} was already on file: nothing new was created.`);
              navigate(`/people/${encodeURIComponent(p.id)}`);
            }}
          />
        ),
      }}
    />
  );
}
