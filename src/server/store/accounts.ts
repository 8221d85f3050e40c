import { createHash } from 'node:crypto';
import { type Account, accountSchema, ROLES, type Role } from '../../core/accounts.ts';
import type { Engine, Row, Sql } from './engine.ts';

/**
 * The office's accounts, their sessions and failed sign-ins, all in the database so that every
 * collector process sees the same (docs/deploy.md, "Several collectors"). Session tokens and the
 * first admin's code are stored only as SHA-256 hashes: a copy of the database does not sign in.
 */

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface StoredAccount extends Account {
  passwordHash: string;
}

export interface SessionRecord {
  username: string;
  createdAt: number;
  expiresAt: number;
  seenAt: number;
}

export interface AccountStore {
  count(): Promise<number>;
  find(username: string): Promise<StoredAccount | undefined>;
  list(): Promise<Account[]>;
  /** False when the name is taken. */
  create(account: StoredAccount): Promise<boolean>;
  setDisabled(username: string, at: number | null): Promise<boolean>;
  setPassword(username: string, passwordHash: string): Promise<boolean>;
  signedIn(username: string, at: number): Promise<void>;

  startSession(hash: string, session: SessionRecord): Promise<void>;
  session(hash: string): Promise<SessionRecord | undefined>;
  /** Moves the session's last activity (for its idle limit). */
  touchSession(hash: string, at: number): Promise<void>;
  endSession(hash: string): Promise<void>;
  /** Ends every session of an account (disabled, or its password changed). */
  endSessionsOf(username: string): Promise<void>;

  recordFailure(username: string, address: string, at: number): Promise<void>;
  /** Failed sign-ins since `since`, for this name and from this address. */
  failures(
    username: string,
    address: string,
    since: number,
  ): Promise<{ byName: number; byAddress: number }>;
  clearFailures(username: string): Promise<void>;

  /** Stores the first admin's code, replacing an earlier one (the newest start's log holds it). */
  setFirstAdminCode(hash: string, at: number): Promise<void>;
  /** Creates the first admin and spends the code in one transaction; false if either is gone. */
  createFirstAdmin(codeHash: string, account: StoredAccount): Promise<boolean>;
}

function accountOf(row: Row): StoredAccount | undefined {
  const role = ROLES.find((r) => r === row.role);
  const parsed = accountSchema.safeParse({
    username: row.username,
    displayName: row.display_name,
    role: role ?? 'viewer',
    communeCode: row.commune_code ?? null,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    disabledAt: row.disabled_at == null ? null : Number(row.disabled_at),
    lastSignInAt: row.last_sign_in_at == null ? null : Number(row.last_sign_in_at),
  });
  // An account whose role this build does not know signs in as nothing: refused, never widened.
  if (!parsed.success || !role) return undefined;
  return { ...parsed.data, passwordHash: String(row.password_hash) };
}

const insertAccount = (sql: Sql, a: StoredAccount) =>
  sql.insertIgnoring('accounts', [
    {
      username: a.username,
      display_name: a.displayName,
      role: a.role satisfies Role,
      commune_code: a.communeCode,
      password_hash: a.passwordHash,
      created_at: a.createdAt,
      created_by: a.createdBy,
      disabled_at: a.disabledAt,
      last_sign_in_at: a.lastSignInAt,
    },
  ]);

export function accountStore(engine: Engine): AccountStore {
  const { read } = engine;
  const changed = async (text: string, params: (string | number | null)[]) =>
    (await read.all(`${text} RETURNING username`, params)).length > 0;

  return {
    async count() {
      const [row] = await read.all('SELECT COUNT(*) AS n FROM accounts');
      return Number(row?.n ?? 0);
    },
    async find(username) {
      const [row] = await read.all('SELECT * FROM accounts WHERE username = $1', [username]);
      return row ? accountOf(row) : undefined;
    },
    async list() {
      const rows = await read.all('SELECT * FROM accounts ORDER BY username');
      return rows.flatMap((row) => {
        const account = accountOf(row);
        if (!account) return [];
        const { passwordHash: _hash, ...shown } = account;
        return [shown];
      });
    },
    async create(account) {
      return (await insertAccount(read, account)) === 1;
    },
    setDisabled: (username, at) =>
      changed('UPDATE accounts SET disabled_at = $1 WHERE username = $2', [at, username]),
    setPassword: (username, passwordHash) =>
      changed('UPDATE accounts SET password_hash = $1 WHERE username = $2', [
        passwordHash,
        username,
      ]),
    async signedIn(username, at) {
      await read.run('UPDATE accounts SET last_sign_in_at = $1 WHERE username = $2', [
        at,
        username,
      ]);
    },

    async startSession(hash, s) {
      await read.run(
        `INSERT INTO sessions (token_hash, username, created_at, expires_at, seen_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [hash, s.username, s.createdAt, s.expiresAt, s.seenAt],
      );
    },
    async session(hash) {
      const [row] = await read.all('SELECT * FROM sessions WHERE token_hash = $1', [hash]);
      return row
        ? {
            username: String(row.username),
            createdAt: Number(row.created_at),
            expiresAt: Number(row.expires_at),
            seenAt: Number(row.seen_at),
          }
        : undefined;
    },
    async touchSession(hash, at) {
      await read.run('UPDATE sessions SET seen_at = $1 WHERE token_hash = $2', [at, hash]);
    },
    async endSession(hash) {
      await read.run('DELETE FROM sessions WHERE token_hash = $1', [hash]);
    },
    async endSessionsOf(username) {
      await read.run('DELETE FROM sessions WHERE username = $1', [username]);
    },

    async recordFailure(username, address, at) {
      await read.run('INSERT INTO sign_in_failures (username, address, at) VALUES ($1, $2, $3)', [
        username,
        address,
        at,
      ]);
      // Old failures say nothing any more; keep the table small.
      await read.run('DELETE FROM sign_in_failures WHERE at < $1', [at - 86_400_000]);
    },
    async failures(username, address, since) {
      const [name] = await read.all(
        'SELECT COUNT(*) AS n FROM sign_in_failures WHERE username = $1 AND at >= $2',
        [username, since],
      );
      const [from] = await read.all(
        'SELECT COUNT(*) AS n FROM sign_in_failures WHERE address = $1 AND at >= $2',
        [address, since],
      );
      return { byName: Number(name?.n ?? 0), byAddress: Number(from?.n ?? 0) };
    },
    async clearFailures(username) {
      await read.run('DELETE FROM sign_in_failures WHERE username = $1', [username]);
    },

    async setFirstAdminCode(hash, at) {
      await read.run(
        `INSERT INTO first_admin_code (id, code_hash, issued_at) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET code_hash = $1, issued_at = $2`,
        [hash, at],
      );
    },
    createFirstAdmin: (codeHash, account) =>
      engine
        .transaction(async (sql) => {
          await sql.lock('first-admin');
          const [{ n } = { n: 1 }] = await sql.all('SELECT COUNT(*) AS n FROM accounts');
          const spent = await sql.all(
            'DELETE FROM first_admin_code WHERE id = 1 AND code_hash = $1 RETURNING id',
            [codeHash],
          );
          if (Number(n) > 0 || spent.length === 0) throw new FirstAdminRefused();
          return (await insertAccount(sql, account)) === 1;
        })
        .catch((error: unknown) => {
          if (error instanceof FirstAdminRefused) return false;
          throw error;
        }),
  };
}

/** Rolls the transaction back: the code is not spent when no admin could be created. */
class FirstAdminRefused extends Error {}
