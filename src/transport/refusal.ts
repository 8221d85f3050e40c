import { said } from '../core/problems/said.ts';
import { type ProblemKey, problemCatalogue } from '../core/problems.ts';

/**
 * The one reading of a collector's answer that is not a success, and the one way it is said
 * to a person. The typed client (./collector-api.ts) is the only caller of `refusalOf`;
 * screens and sync say a failed reply with `sentenceOf`.
 */
export type NotOk =
  /** A verdict on the request: it will not change on a retry. */
  | {
      kind: 'refused';
      status: number;
      code: string;
      message: string;
      body: Record<string, unknown>;
    }
  /** Try again later: the server answered 5xx, 429, or something that is not its API. */
  | { kind: 'failed'; status: number; code: string }
  | { kind: 'offline' };

/** Busy, restarting or rate-limited: try again later; not a verdict on the data. */
export const isTransient = (status: number): boolean => status >= 500 || status === 429;

/** A refusal carries a catalogue problem `{ code, message }`; anything else is a failure to retry. */
export async function refusalOf(response: Response): Promise<NotOk> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const code = typeof body.code === 'string' ? body.code : undefined;
  const message = typeof body.message === 'string' ? body.message : undefined;
  if (isTransient(response.status) || !code || !message)
    return { kind: 'failed', status: response.status, code: code ?? String(response.status) };
  return { kind: 'refused', status: response.status, code, message, body };
}

/** A catalogue problem as a person reads it on the kiosk: its sentence and its code. */
export const problemSentence = (key: ProblemKey): string => said(problemCatalogue[key]);

/** What a person is told of a reply that is not a success: the sentence and its code. */
export function sentenceOf(reply: NotOk): string {
  if (reply.kind === 'refused') return said(reply);
  // A "try later" the catalogue names (too many requests, a sign-in locked) says its own sentence.
  const named = Object.values(problemCatalogue).find(
    (entry) => reply.kind === 'failed' && entry.code === reply.code,
  );
  if (named) return said(named);
  if (reply.kind === 'offline') return problemSentence('collector.unreachable');
  const { message, code } = problemCatalogue['collector.failed'];
  return `${message} (mã ${code}, máy chủ trả ${reply.status})`;
}
