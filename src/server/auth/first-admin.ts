import { randomBytes } from 'node:crypto';
import { oneTimeCodeOf } from '../../core/enrolment.ts';
import type { Log } from '../log.ts';
import { tokenHash } from '../store/accounts.ts';
import type { CollectorStore } from '../store/store.ts';

/** 16 characters, 80 bits: "ABCD-EFGH-JKMN-PQRS". */
export const FIRST_ADMIN_CODE_LENGTH = 16;

/**
 * While the office has no account, each start issues a new one-time code and logs it, for the
 * person who started the collector to create the first office admin at /#/collector — no shared
 * secret in a URL, nothing typed on a tablet. Returns the code (for tests), or undefined once
 * an account exists.
 */
export async function offerFirstAdmin(
  store: CollectorStore,
  log: Log,
  now: () => number = Date.now,
  random: (n: number) => Uint8Array = (n) => randomBytes(n),
): Promise<string | undefined> {
  if ((await store.accounts.count()) > 0) return undefined;
  const code = oneTimeCodeOf(random(FIRST_ADMIN_CODE_LENGTH), FIRST_ADMIN_CODE_LENGTH);
  await store.accounts.setFirstAdminCode(tokenHash(code), now());
  log('accounts.first-admin-code', {
    code,
    how: 'Mở /#/collector trên trình duyệt và nhập mã này để tạo tài khoản quản trị đầu tiên.',
  });
  return code;
}
