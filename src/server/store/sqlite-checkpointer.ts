/**
 * The SQLite engine's checkpointer thread (sqlite-engine.ts): copies what the writer committed
 * to the WAL into the database file, on its own connection, so that copy (some 20 ms every
 * thousand pages) never runs on the thread that answers kiosks. Each 'checkpoint' message runs
 * one PASSIVE checkpoint (it never waits for the writer or a reader) and answers 'done'.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('sqlite-checkpointer.ts runs as a worker thread');
const db = new DatabaseSync(String(workerData));
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
port.on('message', (message: unknown) => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    checkpoint.get();
  } catch {
    // A checkpoint that could not run now (the file busy) is run by the next one.
  }
  port.postMessage('done');
});
