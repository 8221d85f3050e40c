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
  // 2: phone sheets take their device id from their token's nonce, not from a registered
  // kiosk, so sheets no longer reference kiosks; a kiosk record may be a printed desk QR.
  `CREATE TABLE sheets_v2 (
     device_id TEXT NOT NULL,
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
   INSERT INTO sheets_v2 SELECT device_id, seq, commune_code, profile_id, profile_version, form_id,
     form_version, channel, answers, created_at, flags, personal, fingerprint, received_at FROM sheets;
   DROP TABLE sheets;
   ALTER TABLE sheets_v2 RENAME TO sheets;
   CREATE INDEX sheets_by_commune ON sheets (commune_code, form_id);
   ALTER TABLE kiosks ADD COLUMN kind TEXT NOT NULL DEFAULT 'kiosk';`,
  // 3: the phone that opened a token first holds it (a hash of its claim), so a second phone
  // scanning the same code is told at once, not after answering.
  `CREATE TABLE phone_claims (
     nonce TEXT PRIMARY KEY,
     claim_hash TEXT NOT NULL,
     claimed_at BIGINT NOT NULL
   );`,
];
