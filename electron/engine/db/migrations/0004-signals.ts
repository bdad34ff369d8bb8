// Missed signals: the case's lexicon (rules as data, seeded with defaults on first use), each
// entry's classification, the clusters found, and the panel's decisions and notes about them.
export default `
CREATE TABLE signal_rules (
  id INTEGER PRIMARY KEY,
  pattern TEXT NOT NULL,
  is_regex INTEGER NOT NULL DEFAULT 0,
  case_sensitive INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL CHECK (kind IN ('concern', 'response', 'routine')),
  theme TEXT NOT NULL,
  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),
  enabled INTEGER NOT NULL DEFAULT 1
);

-- One row per classified entry that matched any rule. rule_ids: comma-separated signal_rules ids.
CREATE TABLE entry_signals (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  kind TEXT NOT NULL CHECK (kind IN ('concern', 'response', 'routine')),
  themes TEXT NOT NULL,
  concern_severity INTEGER NOT NULL DEFAULT 0,
  is_response INTEGER NOT NULL DEFAULT 0,
  rule_ids TEXT NOT NULL
);

-- A cluster keeps its id across recomputations (matched by person and shared entries), so the
-- panel's decisions and notes stay attached. detected = 0: no longer found, kept for its history.
CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  person_ids TEXT NOT NULL,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('missed', 'responded')),
  score REAL NOT NULL,
  agencies_json TEXT NOT NULL,
  themes_json TEXT NOT NULL,
  reasons_json TEXT NOT NULL,
  detected INTEGER NOT NULL DEFAULT 1,
  decision TEXT CHECK (decision IN ('confirmed', 'dismissed')),
  decision_reason TEXT,
  decided_by TEXT,
  decided_at TEXT,
  first_found_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX clusters_rank ON clusters(detected, score DESC);

CREATE TABLE cluster_entries (
  cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  role TEXT NOT NULL CHECK (role IN ('concern', 'response')),
  PRIMARY KEY (cluster_id, entry_id)
);
CREATE INDEX cluster_entries_entry ON cluster_entries(entry_id);

CREATE TABLE cluster_notes (
  id INTEGER PRIMARY KEY,
  cluster_id INTEGER NOT NULL REFERENCES clusters(id),
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX cluster_notes_cluster ON cluster_notes(cluster_id, id);
`;
