import { chainLinksFrom, chainNext, chainStart } from '../../core/chain.ts';
import { bytesToHex, hexToBytes } from '../../core/codec/hex.ts';
import type { Sheet } from '../../core/sheet.ts';
import type { Sql } from './engine.ts';
import { sheetOf } from './rows.ts';

/**
 * The office's side of a kiosk's hash chain (src/core/chain.ts). It computes the chain itself
 * over the sheets it holds, as far as it has every one of them from seq 1 ("verified"), and
 * compares each link the kiosk sent with its own. A link it cannot check yet (sheets missing
 * before it) waits; a link that differs is a break, shown on the kiosk's row.
 */
export interface ChainState {
  verifiedSeq: number;
  verifiedHead: string;
}

export async function chainState(sql: Sql, deviceId: string): Promise<ChainState> {
  const [row] = await sql.all(
    'SELECT verified_seq, verified_head FROM chain_states WHERE device_id = $1',
    [deviceId],
  );
  return row
    ? { verifiedSeq: Number(row.verified_seq), verifiedHead: String(row.verified_head) }
    : { verifiedSeq: 0, verifiedHead: bytesToHex(chainStart(deviceId)) };
}

/**
 * Links for sheets about to be stored that follow straight on from the verified prefix, so
 * the common delivery (the next sheets, in order) writes its links with its rows.
 */
export function linksAhead(state: ChainState, fresh: readonly Sheet[]): Map<number, string> {
  return chainLinksFrom(hexToBytes(state.verifiedHead), state.verifiedSeq, fresh);
}

/**
 * After a delivery is stored: records the kiosk's link, extends the verified prefix over
 * stored sheets (a gap just filled lets it run through what came after), and checks every
 * link the kiosk sent that can now be checked.
 */
export async function advanceChain(
  sql: Sql,
  deviceId: string,
  before: ChainState,
  written: Map<number, string>,
  claim: { seq: number; head: string } | undefined,
  at: number,
): Promise<void> {
  if (claim)
    await sql.run(
      `INSERT INTO chain_claims (device_id, seq, head, received_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [deviceId, claim.seq, claim.head, at],
    );
  let seq = before.verifiedSeq;
  let head = before.verifiedHead;
  for (const [s, link] of written) {
    seq = s;
    head = link;
  }
  // Sheets stored earlier, beyond a gap that this delivery filled.
  for (;;) {
    const rows = await sql.all(
      `SELECT * FROM sheets WHERE channel = 'kiosk' AND device_id = $1 AND seq > $2
       AND set_aside IS NULL ORDER BY seq LIMIT 1000`,
      [deviceId, seq],
    );
    let link = hexToBytes(head);
    let moved = 0;
    for (const row of rows) {
      const sheet = sheetOf(row);
      if (!sheet || sheet.seq !== seq + 1) break;
      link = chainNext(link, sheet);
      seq = sheet.seq;
      head = bytesToHex(link);
      moved++;
      await sql.run(
        "UPDATE sheets SET chain = $1 WHERE channel = 'kiosk' AND device_id = $2 AND seq = $3",
        [head, deviceId, seq],
      );
    }
    if (moved < 1000) break;
  }
  if (seq !== before.verifiedSeq)
    await sql.run(
      `INSERT INTO chain_states (device_id, verified_seq, verified_head) VALUES ($1, $2, $3)
       ON CONFLICT (device_id) DO UPDATE SET verified_seq = $2, verified_head = $3`,
      [deviceId, seq, head],
    );
  const open = await sql.all(
    `SELECT c.seq, c.head, s.chain FROM chain_claims c
     JOIN sheets s ON s.channel = 'kiosk' AND s.device_id = c.device_id AND s.seq = c.seq
     WHERE c.device_id = $1 AND c.checked_at IS NULL AND c.seq <= $2`,
    [deviceId, seq],
  );
  for (const row of open) {
    if (row.chain !== row.head)
      await sql.run(
        `INSERT INTO chain_breaks (device_id, seq, claimed, computed, detected_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [deviceId, Number(row.seq), String(row.head), String(row.chain), at],
      );
    await sql.run(
      'UPDATE chain_claims SET checked_at = $1 WHERE device_id = $2 AND seq = $3 AND head = $4',
      [at, deviceId, Number(row.seq), String(row.head)],
    );
  }
}
