import { Directory } from '../components/Directory';
import { setFlash } from '../lib/flash';
import { navigate } from '../lib/router';
import { CompanyForm } from './Company';

/** The companies on file; "New company" opens the company editor for a new record and goes to its page. */
export default function Companies() {
  return (
    <Directory
      kind="companies"
      title="Companies"
      create={{
        label: 'New company',
        form: (close) => (
          <CompanyForm
            onCancel={close}
            onSaved={(c) => {
              setFlash(c.created ? `${c.name} was created.` : `${c.name} was already on file: nothing new was created.`);
              navigate(`/companies/${encodeURIComponent(c.id)}`);
            }}
          />
        ),
      }}
    />
  );
}
