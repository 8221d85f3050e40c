/** How the kiosk reads a collector's answer that is not a success. */

/** Busy, restarting or rate-limited: try again later; not a verdict on the data. */
export const isTransient = (status: number): boolean => status >= 500 || status === 429;

/** The collector's refusal as one Vietnamese sentence with its problem code. */
export async function refusalSentence(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  return `${body.message ?? fallback} (mã ${body.code ?? response.status})`;
}
