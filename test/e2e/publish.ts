import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Publishes a "new version" by changing one character of a precache revision in the
 * served sw.js. The length stays the same, because the preview server sizes files once.
 */
export function publishNewVersion(dir: string) {
  const file = join(dir, 'sw.js');
  const sw = readFileSync(file, 'utf8');
  const at = sw.indexOf('revision:"') + 'revision:"'.length;
  const flipped = sw[at] === 'a' ? 'b' : 'a';
  writeFileSync(file, sw.slice(0, at) + flipped + sw.slice(at + 1));
}
