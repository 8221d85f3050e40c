/**
 * A reader thread (src/server/http/office-readers.ts): the same API over its own connection to
 * the same store, answering the office's reads so their work never holds the thread that takes
 * kiosks' batches and citizens' phone sheets. It only reads what the main thread committed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { collectorApi } from './app.ts';
import {
  headerList,
  type ReaderConfig,
  type ReaderMessage,
  type ReaderReply,
} from './http/office-readers.ts';
import { jsonLog } from './log.ts';
import { openPostgresStore, openSqliteStore } from './store/collector-store.ts';

const config = workerData as ReaderConfig;
const port = parentPort;
if (!port) throw new Error('office-reader.ts runs as a worker thread');
const ready = (async () => {
  const store = config.databaseUrl
    ? // Two of the office's queries at a time: the database keeps room for the batches.
      await openPostgresStore(config.databaseUrl, 2)
    : await openSqliteStore(config.sqliteFile as string);
  return collectorApi({
    store,
    adminToken: config.adminToken,
    log: jsonLog,
    trustedProxies: new Set(config.trustedProxies),
  });
})();
const bodies = new Map<number, ReadableStreamDefaultReader<Uint8Array>>();
const reply = (message: ReaderReply, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

port.on('message', async (message: ReaderMessage) => {
  try {
    if (message.type === 'request') {
      const app = await ready;
      const response = await app.fetch(
        new Request(message.url, { method: message.method, headers: message.headers }),
        { incoming: { socket: { remoteAddress: message.peer } } },
      );
      reply({
        type: 'head',
        id: message.id,
        status: response.status,
        headers: headerList(response.headers),
      });
      if (response.body) bodies.set(message.id, response.body.getReader());
      else reply({ type: 'end', id: message.id });
    } else if (message.type === 'pull') {
      const reader = bodies.get(message.id);
      if (!reader) return;
      const { done, value } = await reader.read();
      if (done) {
        bodies.delete(message.id);
        reply({ type: 'end', id: message.id });
      } else {
        const bytes = value.slice();
        reply({ type: 'chunk', id: message.id, bytes }, [bytes.buffer]);
      }
    } else {
      await bodies.get(message.id)?.cancel();
      bodies.delete(message.id);
    }
  } catch (error) {
    bodies.delete(message.id);
    reply({ type: 'error', id: message.id, message: String(error) });
  }
});
