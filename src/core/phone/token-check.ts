import type { Signer } from '../codec/seal.ts';
import { Problem } from '../problems.ts';
import { type PhoneToken, phoneTokenSignatureHolds } from './token.ts';

/** Clocks of kiosk and collector may differ this much without a token failing. */
export const CLOCK_SLACK_MS = 2 * 60_000;
/**
 * A sheet answered while the token was valid, on a phone that was offline, is still taken
 * this long after the token expired. Beyond it the sheet is refused: a photographed code
 * must not turn into sheets answered at home days later.
 */
export const OFFLINE_GRACE_MS = 24 * 3_600_000;
/** The longest lifetime a kiosk may give a token (its settings allow 1–120 minutes). */
export const MAX_TOKEN_MINUTES = 120;

/** Who issued the token, as the checker knows them (the collector's kiosk record, or the kiosk itself). */
export interface TokenIssuer {
  sign: Signer;
  communeCode: string;
}

/**
 * Checks a phone token; throws a Problem naming what is wrong. `answeredAt` is the phone's
 * own time of answering, trusted only inside the offline grace (it cannot be verified).
 */
export async function checkPhoneToken(
  token: PhoneToken,
  issuer: TokenIssuer | undefined,
  now: number,
  answeredAt?: number,
): Promise<void> {
  if (!issuer) throw new Problem('token.unknown-issuer', token.deviceId);
  if (!(await phoneTokenSignatureHolds(issuer.sign, token)))
    throw new Problem('token.forged', token.deviceId);
  if (issuer.communeCode !== token.communeCode)
    throw new Problem('token.other-commune', `${token.communeCode} ≠ ${issuer.communeCode}`);
  // A key read off a tablet can sign any fields: the collector bounds them itself.
  if (token.issuedAt > now + CLOCK_SLACK_MS)
    throw new Problem('token.out-of-bounds', `issued ${token.issuedAt} after ${now}`);
  if (token.lifetimeMinutes < 1 || token.lifetimeMinutes > MAX_TOKEN_MINUTES)
    throw new Problem('token.out-of-bounds', `lifetime ${token.lifetimeMinutes} min`);
  if (answeredAt !== undefined && answeredAt < token.issuedAt - CLOCK_SLACK_MS)
    throw new Problem('token.out-of-bounds', `answered ${answeredAt} before issue`);
  if (now <= token.expiresAt + CLOCK_SLACK_MS) return;
  const answeredInTime =
    answeredAt !== undefined &&
    answeredAt <= token.expiresAt + CLOCK_SLACK_MS &&
    now <= token.expiresAt + OFFLINE_GRACE_MS;
  if (!answeredInTime) throw new Problem('token.expired');
}
