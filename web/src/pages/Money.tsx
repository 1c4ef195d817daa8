/** Every statement waiting to be issued and every MG instalment not paid in full (docs/money.md), for users who see financial terms. */
import { MoneyDue } from '../components/MoneyDue';
import { Empty } from '../components/ui';
import { useAuth } from '../lib/auth';

export default function Money() {
  const { user } = useAuth();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Money due</h1>
      </div>
      {user?.canSeeFinancials ? (
        <MoneyDue all />
      ) : (
        <Empty title="The accounts are for users who see financial terms.">An admin can give you that permission.</Empty>
      )}
    </div>
  );
}
