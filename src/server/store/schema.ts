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
  // 4: trusted intake (docs/api.md, "What each kiosk did"). A sheet's identity includes its
  // channel, so a phone token's nonce can never collide with a kiosk's device id; a phone sheet
  // names its issuer; times say whether they are known to the second; the office keeps its own
  // flags beside the kiosk's, the chain link it computed after each sheet of a kiosk once it has
  // every earlier one, the links the kiosk sent and where they differ; it sets aside (never
  // deletes) a stored row that fails the gate (every row is checked again when a build's gate
  // is newer than the one recorded in office_settings, 'gate-version'); an officer's review can
  // set a sheet aside (`excluded`, with the decision in `review`). `tallies` keep, per commune,
  // Vietnam day, form, profile version, channel and state, what every figure needs, updated in
  // the same transaction as the sheets (docs/scoring.md, "Tallies"). A commune's Section B of a
  // year is one JSON record (src/core/appraisal.ts) with every change appended to its events. Kiosks can be revoked; a desk hands out
  // citizen-form tokens unless the office allows more.
  `CREATE TABLE sheets_v4 (
     channel TEXT NOT NULL,
     device_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     commune_code TEXT NOT NULL,
     issuer_id TEXT,
     profile_id TEXT NOT NULL,
     profile_version INTEGER NOT NULL,
     form_id TEXT NOT NULL,
     form_version INTEGER NOT NULL,
     answers TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     started_at BIGINT NOT NULL,
     precise INTEGER NOT NULL,
     flags TEXT NOT NULL,
     office_flags TEXT NOT NULL,
     personal TEXT,
     personal_purged_at BIGINT,
     fingerprint TEXT NOT NULL,
     chain TEXT,
     received_at BIGINT NOT NULL,
     set_aside TEXT,
     excluded INTEGER NOT NULL,
     review TEXT,
     PRIMARY KEY (channel, device_id, seq)
   );
   INSERT INTO sheets_v4 SELECT channel, device_id, seq, commune_code,
     CASE WHEN channel = 'kiosk' THEN device_id ELSE NULL END, profile_id, profile_version, form_id,
     form_version, answers, created_at, created_at, 0, flags, '', personal, NULL, fingerprint,
     NULL, received_at, NULL, 0, NULL FROM sheets;
   DROP TABLE sheets;
   ALTER TABLE sheets_v4 RENAME TO sheets;
   -- the order the sheets export pages through, and the comments of a commune in a period
   CREATE INDEX sheets_by_commune_time ON sheets (commune_code, created_at, channel, device_id, seq);
   CREATE INDEX phone_sheets_by_issuer ON sheets (issuer_id) WHERE channel = 'phone';
   CREATE INDEX sheets_set_aside ON sheets (commune_code) WHERE set_aside IS NOT NULL;
   CREATE TABLE tallies (
     commune_code TEXT NOT NULL,
     day TEXT NOT NULL,
     form_id TEXT NOT NULL,
     profile_id TEXT NOT NULL,
     profile_version INTEGER NOT NULL,
     channel TEXT NOT NULL,
     flagged INTEGER NOT NULL,
     excluded INTEGER NOT NULL,
     sheets INTEGER NOT NULL,
     half_points BIGINT NOT NULL,
     half_points_sq BIGINT NOT NULL,
     satisfied BIGINT NOT NULL,
     answers BIGINT NOT NULL,
     distribution TEXT NOT NULL,
     last_received_at BIGINT NOT NULL,
     PRIMARY KEY (commune_code, day, form_id, profile_id, profile_version, channel, flagged, excluded)
   );
   CREATE INDEX tallies_by_day ON tallies (day);
   CREATE TABLE commune_scorecards (
     commune_code TEXT NOT NULL,
     year INTEGER NOT NULL,
     card TEXT NOT NULL,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (commune_code, year)
   );
   CREATE TABLE scorecard_events (
     commune_code TEXT NOT NULL,
     year INTEGER NOT NULL,
     ordinal INTEGER NOT NULL,
     at BIGINT NOT NULL,
     actor TEXT NOT NULL,
     field TEXT NOT NULL,
     leaf_id TEXT,
     before TEXT,
     after TEXT,
     reason TEXT,
     PRIMARY KEY (commune_code, year, ordinal)
   );
   ALTER TABLE kiosks ADD COLUMN revoked_at BIGINT;
   ALTER TABLE kiosks ADD COLUMN revocation_reason TEXT;
   ALTER TABLE kiosks ADD COLUMN forms TEXT NOT NULL DEFAULT 'citizen';
   ALTER TABLE kiosks ADD COLUMN last_contact_at BIGINT;
   ALTER TABLE kiosks ADD COLUMN clock_skew_ms BIGINT;
   CREATE TABLE threshold_changes (
     device_id TEXT NOT NULL,
     seen_at BIGINT NOT NULL,
     first_seq INTEGER NOT NULL,
     thresholds TEXT NOT NULL,
     PRIMARY KEY (device_id, first_seq)
   );
   CREATE TABLE chain_states (
     device_id TEXT PRIMARY KEY,
     verified_seq INTEGER NOT NULL,
     verified_head TEXT NOT NULL
   );
   CREATE TABLE chain_claims (
     device_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     head TEXT NOT NULL,
     received_at BIGINT NOT NULL,
     checked_at BIGINT,
     PRIMARY KEY (device_id, seq, head)
   );
   CREATE TABLE chain_breaks (
     device_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     claimed TEXT NOT NULL,
     computed TEXT NOT NULL,
     detected_at BIGINT NOT NULL,
     PRIMARY KEY (device_id, seq, claimed)
   );
   CREATE TABLE phone_days (
     commune_code TEXT NOT NULL,
     day TEXT NOT NULL,
     sheets INTEGER NOT NULL,
     PRIMARY KEY (commune_code, day)
   );
   CREATE TABLE office_settings (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE INDEX phone_claims_by_time ON phone_claims (claimed_at);`,
  // 5: the office's named accounts and their sessions (issue 11), sign-in failures kept in the
  // database so every collector process counts them, the first admin's one-time code, the
  // append-only audit log (each entry chained to the one before) and one-time enrolment codes.
  `CREATE TABLE accounts (
     username TEXT PRIMARY KEY,
     display_name TEXT NOT NULL,
     role TEXT NOT NULL,
     commune_code TEXT,
     password_hash TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     created_by TEXT NOT NULL,
     disabled_at BIGINT,
     last_sign_in_at BIGINT
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     username TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     seen_at BIGINT NOT NULL
   );
   CREATE INDEX sessions_by_user ON sessions (username);
   CREATE TABLE sign_in_failures (
     username TEXT NOT NULL,
     address TEXT NOT NULL,
     at BIGINT NOT NULL
   );
   CREATE INDEX sign_in_failures_by_user ON sign_in_failures (username, at);
   CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, at);
   CREATE TABLE first_admin_code (
     id INTEGER PRIMARY KEY,
     code_hash TEXT NOT NULL,
     issued_at BIGINT NOT NULL
   );
   CREATE TABLE audit_log (
     ordinal BIGINT PRIMARY KEY,
     at BIGINT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     detail TEXT NOT NULL,
     address TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX audit_log_by_time ON audit_log (at);
   CREATE TABLE enrolments (
     code_hash TEXT PRIMARY KEY,
     commune_code TEXT NOT NULL,
     commune_name TEXT NOT NULL,
     label TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     used_at BIGINT,
     device_id TEXT
   );
   CREATE INDEX enrolments_by_time ON enrolments (created_at);`,
  // 6: the sheets of a commune by device and number, not by time. A kiosk's batch then adds
  // its index entries at one place (its numbers follow on), where an index by time took them
  // in everywhere a delivery's hours fall and was half the cost of storing a sheet. The
  // export pages through it (a kiosk's sheets in order, its gaps visible) and reads the time
  // from the entry; a commune's comments and flags are read through its commune prefix.
  `DROP INDEX sheets_by_commune_time;
   CREATE INDEX sheets_by_commune_device ON sheets (commune_code, channel, device_id, seq, created_at);`,
  // 7: a sheet's fingerprint is made from its columns when it is compared (rows.ts,
  // storedFingerprint), no longer stored beside them: a third of a row's bytes, written on
  // every ingest, said again what the row holds.
  `ALTER TABLE sheets DROP COLUMN fingerprint;`,
];
