/**
 * The collector's schema as an append-only list of SQL steps, written in the subset
 * SQLite and PostgreSQL share. A shipped step is never edited.
 */
export const schemaSteps: readonly string[] = [
  `CREATE TABLE kiosks (
     device_id TEXT PRIMARY KEY,
     commune_code TEXT NOT NULL,
     commune_name TEXT NOT NULL,
     label TEXT NOT NULL,
     hmac_key TEXT NOT NULL,
     registered_at BIGINT NOT NULL
   );
   CREATE TABLE sheets (
     device_id TEXT NOT NULL REFERENCES kiosks(device_id),
     seq INTEGER NOT NULL,
     commune_code TEXT NOT NULL,
     profile_id TEXT NOT NULL,
     profile_version INTEGER NOT NULL,
     form_id TEXT NOT NULL,
     form_version INTEGER NOT NULL,
     channel TEXT NOT NULL,
     answers TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     flags TEXT NOT NULL,
     personal TEXT,
     fingerprint TEXT NOT NULL,
     received_at BIGINT NOT NULL,
     PRIMARY KEY (device_id, seq)
   );
   CREATE INDEX sheets_by_commune ON sheets (commune_code, form_id);`,
];
