import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from './codec/hex.ts';
import { levelIndex } from './profile/level-index.ts';
import { findProfile } from './profile/registry.ts';
import type { Profile } from './profile/schema.ts';
import { flagSchema, type Sheet } from './sheet.ts';

/**
 * The hash chain of a kiosk's sheets (docs/formats.md, "Chain"): link n = SHA-256(link n−1 ‖
 * content of sheet n), first 16 bytes, from a start link derived from the device id. The
 * content is what every path carries alike (answers, form, minute, the kiosk's own flags),
 * so the collector recomputes the chain from the sheets it holds and a batch carries only
 * the link after its last sheet: a rewritten or forked history then disagrees with what the
 * office computes. SHA-256 is synchronous (@noble/hashes) so tablet and server run this code.
 */
export const CHAIN_BYTES = 16;
const encoder = new TextEncoder();
const FLAGS = flagSchema.options;

/**
 * SHA-256 of a link's input into one reused digest, from one reused state: a new hash object a
 * sheet (what `sha256(bytes)` makes) costs about twice the hashing itself (1,15 against 0,63 µs
 * a link, measured), and this runs for every sheet the office receives. Synchronous, so no two
 * callers share the state at once; callers copy or encode the digest before the next link.
 */
const fresh = sha256.create();
const state = sha256.create();
const digest = new Uint8Array(32);
function hashLink(input: Uint8Array): Uint8Array {
  fresh._cloneInto(state);
  state.update(input);
  state.digestInto(digest);
  return digest;
}

/** The link before a device's first sheet. */
export function chainStart(deviceId: string): Uint8Array {
  return sha256(encoder.encode(`KS-CHAIN-1/${deviceId}`)).slice(0, CHAIN_BYTES);
}

/**
 * The bytes a sheet adds to the chain: seq (4, big-endian) ‖ minute of submission (4) ‖ kind
 * (bit 0 phone, bit 1 cadre) ‖ the kiosk's flags (bit i = flag i) ‖ profile version ‖ form
 * version ‖ one byte per answer (index of its level) ‖ profile id. Kept under 40 bytes so a
 * link costs one SHA-256 block.
 */
export function chainContent(sheet: Sheet): Uint8Array {
  const parts = partsOf(sheet);
  return contentInto(new Uint8Array(contentLength(sheet, parts)), 0, sheet, parts);
}

/** The link after `sheet`, given the link before it. */
export function chainNext(previous: Uint8Array, sheet: Sheet): Uint8Array {
  const parts = partsOf(sheet);
  const input = new Uint8Array(previous.length + contentLength(sheet, parts));
  input.set(previous);
  return hashLink(contentInto(input, previous.length, sheet, parts)).slice(0, CHAIN_BYTES);
}

/**
 * The links (hex) after each of `sheets` that follow on without a gap from `previous`, the
 * link after sheet `previousSeq` (0 and chainStart for a device's first): the kiosk's links
 * for its batches and the office's for what it stores. One buffer for the run: this runs
 * once a sheet on every delivery.
 */
export function chainLinksFrom(
  previous: Uint8Array,
  previousSeq: number,
  sheets: readonly Sheet[],
): Map<number, string> {
  const links = new Map<number, string>();
  let input = new Uint8Array(0);
  let link = previous;
  let seq = previousSeq;
  let parts: ProfileParts | undefined;
  for (const sheet of sheets) {
    if (sheet.seq !== seq + 1) break;
    // A device's run is almost always of one profile: look it up when it changes.
    if (
      !parts ||
      parts.profile.id !== sheet.profileId ||
      parts.profile.version !== sheet.profileVersion
    )
      parts = partsOf(sheet);
    const length = CHAIN_BYTES + contentLength(sheet, parts);
    if (input.length !== length) input = new Uint8Array(length);
    input.set(link);
    link = hashLink(contentInto(input, CHAIN_BYTES, sheet, parts)).subarray(0, CHAIN_BYTES);
    seq = sheet.seq;
    links.set(seq, bytesToHex(link));
  }
  return links;
}

/** A profile's id as chainContent writes it, encoded once a profile. */
const profileIds = new WeakMap<Profile, Uint8Array>();

function partsOf(sheet: Sheet) {
  const profile = findProfile(sheet.profileId, sheet.profileVersion);
  if (!profile) throw new RangeError(`Unknown profile ${sheet.profileId} v${sheet.profileVersion}`);
  let id = profileIds.get(profile);
  if (!id) {
    id = encoder.encode(profile.id);
    profileIds.set(profile, id);
  }
  return { profile, id, levels: levelIndex(profile) };
}

type ProfileParts = ReturnType<typeof partsOf>;

const contentLength = (sheet: Sheet, parts: ProfileParts) =>
  12 + sheet.answers.length + parts.id.length;

/** Big-endian, as DataView's setUint32 (whose view costs more to make than the hash). */
function writeUint32(bytes: Uint8Array, at: number, n: number) {
  bytes[at] = n >>> 24;
  bytes[at + 1] = n >>> 16;
  bytes[at + 2] = n >>> 8;
  bytes[at + 3] = n;
}

/** Writes a sheet's chain content into `bytes` from `at`; returns `bytes`. */
function contentInto(bytes: Uint8Array, at: number, sheet: Sheet, parts: ProfileParts) {
  const { id, levels } = parts;
  writeUint32(bytes, at, sheet.seq);
  writeUint32(bytes, at + 4, Math.floor(sheet.createdAt / 60_000));
  bytes[at + 8] = (sheet.channel === 'phone' ? 1 : 0) | (sheet.formId === 'cadre' ? 2 : 0);
  let flagBits = 0;
  for (const flag of sheet.flags) {
    const bit = FLAGS.indexOf(flag);
    if (bit >= 0) flagBits |= 1 << bit;
  }
  bytes[at + 9] = flagBits;
  bytes[at + 10] = sheet.profileVersion;
  bytes[at + 11] = sheet.formVersion;
  const { answers } = sheet;
  for (let i = 0; i < answers.length; i++)
    bytes[at + 12 + i] = levels.get(answers[i] as string) ?? -1;
  bytes.set(id, at + 12 + answers.length);
  return bytes;
}

/**
 * The link after the last of `sheets`, which must be the device's sheets 1, 2, 3… without a
 * gap (the kiosk keeps every sheet it ever took, so it always can), as 32 hex digits.
 */
export function chainHead(deviceId: string, sheets: readonly Sheet[]): string {
  sheets.forEach((sheet, i) => {
    if (sheet.seq !== i + 1 || sheet.deviceId !== deviceId)
      throw new RangeError(`The chain needs sheets 1…n of ${deviceId}; found seq ${sheet.seq}`);
  });
  return chainFrom(bytesToHex(chainStart(deviceId)), sheets);
}

/** Continues a chain (hex) over sheets that follow on without a gap. */
export function chainFrom(head: string, sheets: readonly Sheet[]): string {
  let link = hexToBytes(head);
  for (const sheet of sheets) link = chainNext(link, sheet);
  return bytesToHex(link);
}
