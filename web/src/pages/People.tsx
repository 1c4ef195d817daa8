import { Directory } from '../components/Directory';
export default function People() {
  return <Directory kind="people" title="People" />;
}
