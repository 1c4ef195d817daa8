import { Directory } from '../components/Directory';
export default function Companies() {
  return <Directory kind="companies" title="Companies" />;
}
