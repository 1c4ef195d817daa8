/**
 * Who can use filmrights and how: users with their role and the
 * financial-terms permission, disabled or enabled, their passwords reset
 * (admins only); the signed-in user's own password; and their own API
 * tokens: created with a scope and a name, the secret shown once, revoked
 * when a program no longer needs it.
 */
import { useAuth } from '../lib/auth';
import { FetchSettingsPanel } from './AdminFetch';
import { OurCompany } from './admin/OurCompany';
import { OwnPassword } from './admin/OwnPassword';
import { roleLabel } from './admin/roles';
import { Tokens } from './admin/Tokens';
import { Users } from './admin/Users';

export default function Admin() {
  const { user } = useAuth();
  const admin = user?.role === 'admin';
  return (
    <div className="page">
      <div className="page-head">
        <h1>{admin ? 'Admin' : 'Your account'}</h1>
        <p className="muted page-sub">
          Signed in as <strong>{user?.username}</strong> · {roleLabel(user?.role ?? '')}
          {user?.canSeeFinancials ? ' · sees financial terms' : ''}
        </p>
      </div>
      {admin && <Users />}
      <OurCompany admin={admin} />
      {admin && <FetchSettingsPanel />}
      <OwnPassword />
      <Tokens />
    </div>
  );
}
