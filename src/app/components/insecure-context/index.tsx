import { deviceProblems as problemCatalogue } from '../../../core/problems/device.ts';
import type { SecureFeature } from '../../platform/secure-context.ts';
import './style.css';

interface Props {
  missing: readonly SecureFeature[];
  /** Staff (kiosk, admin, office) are told to open the https:// address; a citizen, to use the desk. */
  audience: 'staff' | 'citizen';
  /** The address the page was opened at, for whoever comes to fix it. */
  address: string;
}

/** Instead of the app, where the browser withholds what it needs: what is wrong, what to do. */
export function InsecureContext({ missing, audience, address }: Props) {
  const problem = missing.includes('secure-context')
    ? problemCatalogue[audience === 'citizen' ? 'context.insecure-phone' : 'context.insecure']
    : problemCatalogue['context.browser-lacks'];
  return (
    <main class="insecure-context" aria-labelledby="insecure-context-title">
      <h1 id="insecure-context-title">Chưa dùng được ứng dụng trên địa chỉ này</h1>
      <p role="alert">{problem.message}</p>
      <p class="insecure-context-detail">
        Địa chỉ đang mở: <code>{address}</code>
      </p>
      {audience === 'staff' && (
        <p class="insecure-context-detail">{problemCatalogue['context.technician'].message}</p>
      )}
      <p class="insecure-context-detail">Mã lỗi: {problem.code}</p>
    </main>
  );
}
