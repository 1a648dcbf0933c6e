/*
 * The schema, as numbered migrations. Migration N takes a database at
 * user_version N-1 to N; store_migrate applies the missing ones in one
 * transaction. A migration, once released, is never edited: changes go in
 * a new one.
 *
 * Keys: every row is identified by `uid`, 32 hex digits: drawn at random
 * (store_uid_new) for records users create once, so that rows created on
 * two laptops never collide when their databases are merged; derived from
 * the natural key (store_uid_stable, since migration 13) for the contract
 * model and the cells users fill, so that every database names them
 * alike. Natural keys (a contract's identifier, a
 * domain's code, an indicator's code within its annex, a measurement's
 * indicator × period × criticality) are UNIQUE as well: a merge matches
 * on them.
 *
 * Dates are ISO text (AAAA-MM-JJ), timestamps ISO 8601 UTC. Closed
 * vocabularies are English codes checked by CHECK constraints
 * (include/suivi/model.h spells them).
 */
#include "store_internal.h"

static const char migration_1[] =
	/* The contract model: what the contract files say. */
	"CREATE TABLE commune ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" insee TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL"
	");"
	"CREATE TABLE contract ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" commune_uid TEXT NOT NULL REFERENCES commune(uid),"
	" identifier TEXT NOT NULL UNIQUE,"
	" title TEXT NOT NULL,"
	" starts_on TEXT NOT NULL,"
	" signed_on TEXT,"
	" duration TEXT,"
	" metropole_signatory TEXT,"
	" mayor_signatory TEXT,"
	" preamble TEXT,"
	" source_name TEXT NOT NULL,"
	" source_text TEXT NOT NULL,"
	" imported_at TEXT NOT NULL"
	");"
	"CREATE INDEX contract_commune ON contract(commune_uid);"
	"CREATE TABLE article ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" number INTEGER NOT NULL,"
	" title TEXT NOT NULL,"
	" summary TEXT NOT NULL,"
	" body TEXT,"
	" UNIQUE (contract_uid, number)"
	");"
	"CREATE TABLE amendment ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" number INTEGER NOT NULL CHECK (number > 0),"
	" in_force_from TEXT NOT NULL,"
	" signed_on TEXT,"
	" object TEXT NOT NULL,"
	" source_name TEXT NOT NULL,"
	" source_text TEXT NOT NULL,"
	" imported_at TEXT NOT NULL,"
	" UNIQUE (contract_uid, number)"
	");"
	"CREATE TABLE domain ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" code TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" UNIQUE (contract_uid, code)"
	");"
	/* One version of a domain's annex: version 0 comes with the contract,
	 * version N with amendment N; in force from in_force_from until the
	 * next version's date. */
	"CREATE TABLE annex ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" domain_uid TEXT NOT NULL REFERENCES domain(uid),"
	" version INTEGER NOT NULL CHECK (version >= 0),"
	" amendment_uid TEXT REFERENCES amendment(uid),"
	" in_force_from TEXT NOT NULL,"
	" domain_name TEXT NOT NULL,"
	" title TEXT,"
	" preamble TEXT,"
	" means TEXT,"
	" implementation TEXT,"
	" operation TEXT,"
	" notes TEXT,"
	" volume_note TEXT,"
	" UNIQUE (domain_uid, version),"
	" CHECK ((version = 0) = (amendment_uid IS NULL))"
	");"
	"CREATE TABLE subdomain ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" annex_uid TEXT NOT NULL REFERENCES annex(uid),"
	" letter TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" note TEXT,"
	" position INTEGER NOT NULL,"
	" UNIQUE (annex_uid, letter)"
	");"
	"CREATE TABLE activity ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" subdomain_uid TEXT NOT NULL REFERENCES subdomain(uid),"
	" position INTEGER NOT NULL,"
	" heading TEXT,"
	" text TEXT NOT NULL,"
	" UNIQUE (subdomain_uid, position)"
	");"
	"CREATE TABLE role ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" annex_uid TEXT NOT NULL REFERENCES annex(uid),"
	" position INTEGER NOT NULL,"
	" side TEXT NOT NULL CHECK (side IN ('commune', 'shared')),"
	" title TEXT NOT NULL,"
	" holder TEXT NOT NULL,"
	" UNIQUE (annex_uid, position)"
	");"
	/* The contact to call: kind of request × sub-domain × side. A NULL
	 * sub-domain means every sub-domain of the annex. */
	"CREATE TABLE contact ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" annex_uid TEXT NOT NULL REFERENCES annex(uid),"
	" subdomain_uid TEXT REFERENCES subdomain(uid),"
	" kind TEXT NOT NULL CHECK (kind IN ('ordinary', 'urgent', 'exceptional')),"
	" side TEXT NOT NULL CHECK (side IN ('commune', 'shared')),"
	" holder TEXT NOT NULL"
	");"
	"CREATE UNIQUE INDEX contact_cell ON contact"
	" (annex_uid, ifnull(subdomain_uid, ''), kind, side);"
	"CREATE TABLE priority ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" annex_uid TEXT NOT NULL REFERENCES annex(uid),"
	" position INTEGER NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('priority', 'mutual_commitment')),"
	" text TEXT NOT NULL,"
	" removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),"
	" UNIQUE (annex_uid, position)"
	");"
	"CREATE TABLE committee ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" annex_uid TEXT NOT NULL REFERENCES annex(uid),"
	" position INTEGER NOT NULL,"
	" name TEXT NOT NULL,"
	" purpose TEXT,"
	" members_commune TEXT,"
	" members_shared TEXT,"
	" frequency TEXT,"
	" UNIQUE (annex_uid, position)"
	");"
	"CREATE TABLE commitment ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" annex_uid TEXT NOT NULL REFERENCES annex(uid),"
	" subdomain_uid TEXT REFERENCES subdomain(uid),"
	" code TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" UNIQUE (annex_uid, code)"
	");"
	"CREATE TABLE indicator ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" annex_uid TEXT NOT NULL REFERENCES annex(uid),"
	" commitment_uid TEXT NOT NULL REFERENCES commitment(uid),"
	" code TEXT NOT NULL,"
	" label TEXT NOT NULL,"
	" definition TEXT,"
	" periodicity TEXT NOT NULL CHECK (periodicity IN"
	"  ('monthly', 'quarterly', 'annual', 'monthly_or_quarterly')),"
	" source TEXT NOT NULL,"
	" baseline TEXT,"
	" conditions TEXT,"
	" value_kind TEXT NOT NULL CHECK (value_kind IN ('yes_no', 'count',"
	"  'percent', 'ratio', 'workload', 'hours', 'days', 'level', 'text')),"
	" unit TEXT,"
	" scale_min INTEGER,"
	" scale_max INTEGER,"
	" better TEXT NOT NULL CHECK (better IN ('higher', 'lower', 'yes', 'none')),"
	" criticalities TEXT,"
	" computed_from TEXT CHECK (computed_from IN ('ack_delay',"
	"  'resolution_delay', 'intervention_delay', 'restore_delay',"
	"  'treated_ratio')),"
	" position INTEGER NOT NULL,"
	" UNIQUE (annex_uid, code),"
	" CHECK ((value_kind = 'level') = (scale_min IS NOT NULL"
	"  AND scale_max IS NOT NULL))"
	");"
	"CREATE INDEX indicator_commitment ON indicator(commitment_uid);";

static const char migration_2[] =
	/* What users add: targets, measurements and their history, requests,
	 * disputes, meetings, observations. */
	"CREATE TABLE target ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" indicator_uid TEXT NOT NULL REFERENCES indicator(uid),"
	" year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),"
	" criticality TEXT NOT NULL DEFAULT '',"
	" num REAL,"
	" den REAL,"
	" text TEXT,"
	" better TEXT CHECK (better IN ('higher', 'lower', 'yes', 'none')),"
	" author TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" UNIQUE (indicator_uid, year, criticality)"
	");"
	/* One value of one indicator for one period: '2018-03' (month),
	 * '2018-T1' (quarter) or '2018' (year). num holds the count,
	 * percentage, duration, level, numerator, actual workload or 1/0 for
	 * yes/no; den the ratio's denominator or the planned workload; text
	 * a text value. A cleared value keeps its row with every value NULL. */
	"CREATE TABLE measurement ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" indicator_uid TEXT NOT NULL REFERENCES indicator(uid),"
	" period TEXT NOT NULL,"
	" criticality TEXT NOT NULL DEFAULT '',"
	" num REAL,"
	" den REAL,"
	" text TEXT,"
	" comment TEXT,"
	" is_override INTEGER NOT NULL DEFAULT 0 CHECK (is_override IN (0, 1)),"
	" author TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" UNIQUE (indicator_uid, period, criticality)"
	");"
	"CREATE TABLE measurement_history ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" measurement_uid TEXT NOT NULL REFERENCES measurement(uid),"
	" action TEXT NOT NULL CHECK (action IN ('set', 'clear', 'comment',"
	"  'undo', 'validate')),"
	" num REAL,"
	" den REAL,"
	" text TEXT,"
	" comment TEXT,"
	" reason TEXT,"
	" author TEXT NOT NULL,"
	" at TEXT NOT NULL"
	");"
	"CREATE INDEX measurement_history_of ON measurement_history"
	" (measurement_uid, at);"
	"CREATE TABLE request ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" kind TEXT NOT NULL CHECK (kind IN ('ordinary', 'urgent', 'exceptional')),"
	" form TEXT NOT NULL CHECK (form IN ('letter', 'note', 'email', 'phone',"
	"  'oral', 'shared_tool')),"
	" domain_uid TEXT REFERENCES domain(uid),"
	" subdomain_uid TEXT REFERENCES subdomain(uid),"
	" nature TEXT NOT NULL CHECK (nature IN ('demand', 'incident')),"
	" criticality TEXT,"
	" requester TEXT,"
	" object TEXT NOT NULL,"
	" received_at TEXT NOT NULL,"
	" acknowledged_at TEXT,"
	" intervention_at TEXT,"
	" resolved_at TEXT,"
	" answered_at TEXT,"
	" cancelled_at TEXT,"
	" cancel_reason TEXT,"
	" author TEXT NOT NULL,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX request_contract_received ON request"
	" (contract_uid, received_at);"
	"CREATE TABLE exceptional_request ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" request_uid TEXT NOT NULL UNIQUE REFERENCES request(uid),"
	" asked TEXT NOT NULL,"
	" proposal TEXT,"
	" decision TEXT,"
	" decided_by TEXT,"
	" decided_on TEXT,"
	" estimated_cost REAL,"
	" compensation TEXT"
	");"
	"CREATE TABLE dispute ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" domain_uid TEXT REFERENCES domain(uid),"
	" opened_on TEXT NOT NULL,"
	" object TEXT NOT NULL,"
	" nature TEXT NOT NULL CHECK (nature IN ('programming', 'substance')),"
	" solution TEXT,"
	" closed_on TEXT,"
	" like_uid TEXT REFERENCES dispute(uid),"
	" author TEXT NOT NULL,"
	" created_at TEXT NOT NULL,"
	" CHECK (closed_on IS NULL OR solution IS NOT NULL)"
	");"
	"CREATE INDEX dispute_contract ON dispute(contract_uid, opened_on);"
	"CREATE TABLE dispute_request ("
	" dispute_uid TEXT NOT NULL REFERENCES dispute(uid),"
	" request_uid TEXT NOT NULL REFERENCES request(uid),"
	" PRIMARY KEY (dispute_uid, request_uid)"
	");"
	/* Article 4: 1 hierarchical authorities, 2 directors general,
	 * 3 the Mayor and the President. */
	"CREATE TABLE arbitration_step ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" dispute_uid TEXT NOT NULL REFERENCES dispute(uid),"
	" level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),"
	" held_on TEXT NOT NULL,"
	" participants TEXT,"
	" positions TEXT,"
	" outcome TEXT CHECK (outcome IN ('compromise', 'escalated', 'decided')),"
	" notes TEXT,"
	" author TEXT NOT NULL,"
	" created_at TEXT NOT NULL"
	");"
	"CREATE INDEX arbitration_step_of ON arbitration_step(dispute_uid, level);"
	"CREATE TABLE meeting ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" kind TEXT NOT NULL CHECK (kind IN ('follow_up', 'mayors',"
	"  'digital_committee', 'thematic', 'launch', 'annual_review')),"
	" held_on TEXT NOT NULL,"
	" status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned',"
	"  'open', 'closed', 'cancelled')),"
	" place TEXT,"
	" notes TEXT,"
	" author TEXT NOT NULL,"
	" created_at TEXT NOT NULL"
	");"
	"CREATE INDEX meeting_contract ON meeting(contract_uid, held_on);"
	"CREATE TABLE meeting_attendee ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" meeting_uid TEXT NOT NULL REFERENCES meeting(uid),"
	" name TEXT NOT NULL,"
	" function TEXT,"
	" side TEXT CHECK (side IN ('commune', 'shared'))"
	");"
	"CREATE TABLE decision ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" meeting_uid TEXT NOT NULL REFERENCES meeting(uid),"
	" position INTEGER NOT NULL,"
	" text TEXT NOT NULL"
	");"
	"CREATE TABLE action_item ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" meeting_uid TEXT NOT NULL REFERENCES meeting(uid),"
	" what TEXT NOT NULL,"
	" owner TEXT,"
	" due_on TEXT,"
	" status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open',"
	"  'in_progress', 'done', 'dropped')),"
	" done_on TEXT,"
	" updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX action_item_meeting ON action_item(meeting_uid);"
	"CREATE TABLE observation ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" domain_uid TEXT NOT NULL REFERENCES domain(uid),"
	" year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),"
	" text TEXT NOT NULL,"
	" author TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" UNIQUE (domain_uid, year)"
	");";

static const char migration_3[] =
	/* The tableau de bord: a "mensuelle ou trimestrielle" indicator
	 * followed by quarter (the référent's recorded choice), and what was
	 * being typed when the terminal went away (one row per slot). Values
	 * are read by indicator and year: the measurement key already serves
	 * (indicator_uid, period) ranges. */
	"CREATE TABLE indicator_choice ("
	" indicator_uid TEXT PRIMARY KEY NOT NULL REFERENCES indicator(uid),"
	" quarterly INTEGER NOT NULL CHECK (quarterly IN (0, 1)),"
	" author TEXT NOT NULL,"
	" updated_at TEXT NOT NULL"
	");"
	"CREATE TABLE draft ("
	" slot TEXT PRIMARY KEY NOT NULL,"
	" context TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" saved_at TEXT NOT NULL"
	");";

static const char migration_4[] =
	/* The request log's full-text search. request_doc gives each request
	 * a stable integer (the FTS rowid: a request's own rowid may change
	 * with VACUUM, its uid is text) and says when its index entry is out
	 * of date. The triggers only mark: the database refuses writes to a
	 * virtual table from a trigger (trusted_schema is off, store.c), so
	 * store_request_reindex brings the marked entries up to date, from
	 * the writes of the request API and before a search. */
	"CREATE TABLE request_doc ("
	" id INTEGER PRIMARY KEY,"
	" request_uid TEXT NOT NULL UNIQUE,"
	" stale INTEGER NOT NULL DEFAULT 1 CHECK (stale IN (0, 1))"
	");"
	"CREATE INDEX request_doc_stale ON request_doc(id) WHERE stale;"
	"CREATE VIRTUAL TABLE request_fts USING fts5(object, requester,"
	" cancel_reason, asked, proposal, decision, compensation,"
	" tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER request_doc_insert AFTER INSERT ON request BEGIN"
	" INSERT OR IGNORE INTO request_doc (request_uid) VALUES (new.uid);"
	" UPDATE request_doc SET stale = 1 WHERE request_uid = new.uid;"
	" END;"
	"CREATE TRIGGER request_doc_update AFTER UPDATE OF uid, kind, object,"
	" requester, cancel_reason ON request BEGIN"
	" UPDATE request_doc SET stale = 1 WHERE request_uid = old.uid;"
	" INSERT OR IGNORE INTO request_doc (request_uid) VALUES (new.uid);"
	" UPDATE request_doc SET stale = 1 WHERE request_uid = new.uid;"
	" END;"
	"CREATE TRIGGER request_doc_delete AFTER DELETE ON request BEGIN"
	" UPDATE request_doc SET stale = 1 WHERE request_uid = old.uid;"
	" END;"
	"CREATE TRIGGER exceptional_doc_insert AFTER INSERT ON"
	" exceptional_request BEGIN"
	" UPDATE request_doc SET stale = 1 WHERE request_uid = new.request_uid;"
	" END;"
	"CREATE TRIGGER exceptional_doc_update AFTER UPDATE ON"
	" exceptional_request BEGIN"
	" UPDATE request_doc SET stale = 1"
	"  WHERE request_uid IN (old.request_uid, new.request_uid);"
	" END;"
	"CREATE TRIGGER exceptional_doc_delete AFTER DELETE ON"
	" exceptional_request BEGIN"
	" UPDATE request_doc SET stale = 1 WHERE request_uid = old.request_uid;"
	" END;"
	/* The requests already there, indexed now (a migration is top-level
	 * SQL: it may write the index). */
	"INSERT INTO request_doc (request_uid, stale)"
	" SELECT uid, 0 FROM request ORDER BY rowid;"
	"INSERT INTO request_fts (rowid, object, requester, cancel_reason,"
	" asked, proposal, decision, compensation)"
	" SELECT d.id, r.object, r.requester, r.cancel_reason, x.asked,"
	" x.proposal, x.decision, x.compensation FROM request_doc d"
	" JOIN request r ON r.uid = d.request_uid"
	" LEFT JOIN exceptional_request x ON x.request_uid = r.uid"
	" AND r.kind = 'exceptional';"
	/* The exceptional requests of a year, of every contract (the annual
	 * summary); one contract's go through request_contract_received. */
	"CREATE INDEX request_kind_received ON request (kind, received_at);";

static const char migration_5[] =
	/* Disputes (store/dispute.c): the history of every change, and the
	 * full-text search of their objects and solutions, kept as the
	 * request log's is (migration 4): dispute_doc gives the FTS rowid and
	 * the stale flag the triggers set; store/dispute.c reindexes after
	 * its writes and before a search. */
	"CREATE TABLE dispute_change ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" dispute_uid TEXT NOT NULL REFERENCES dispute(uid),"
	" what TEXT NOT NULL CHECK (what IN ('open', 'update', 'step',"
	"  'close', 'link', 'unlink')),"
	" author TEXT NOT NULL,"
	" at TEXT NOT NULL,"
	" before TEXT,"
	" after TEXT"
	");"
	"CREATE INDEX dispute_change_of ON dispute_change (dispute_uid, at);"
	"CREATE TABLE dispute_doc ("
	" id INTEGER PRIMARY KEY,"
	" dispute_uid TEXT NOT NULL UNIQUE,"
	" stale INTEGER NOT NULL DEFAULT 1 CHECK (stale IN (0, 1))"
	");"
	"CREATE INDEX dispute_doc_stale ON dispute_doc(id) WHERE stale;"
	"CREATE VIRTUAL TABLE dispute_fts USING fts5(object, solution,"
	" tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER dispute_doc_insert AFTER INSERT ON dispute BEGIN"
	" INSERT OR IGNORE INTO dispute_doc (dispute_uid) VALUES (new.uid);"
	" UPDATE dispute_doc SET stale = 1 WHERE dispute_uid = new.uid;"
	" END;"
	"CREATE TRIGGER dispute_doc_update AFTER UPDATE OF uid, object,"
	" solution ON dispute BEGIN"
	" UPDATE dispute_doc SET stale = 1 WHERE dispute_uid = old.uid;"
	" INSERT OR IGNORE INTO dispute_doc (dispute_uid) VALUES (new.uid);"
	" UPDATE dispute_doc SET stale = 1 WHERE dispute_uid = new.uid;"
	" END;"
	"CREATE TRIGGER dispute_doc_delete AFTER DELETE ON dispute BEGIN"
	" UPDATE dispute_doc SET stale = 1 WHERE dispute_uid = old.uid;"
	" END;"
	"INSERT INTO dispute_doc (dispute_uid, stale)"
	" SELECT uid, 0 FROM dispute ORDER BY rowid;"
	"INSERT INTO dispute_fts (rowid, object, solution)"
	" SELECT d.id, x.object, x.solution FROM dispute_doc d"
	" JOIN dispute x ON x.uid = d.dispute_uid;"
	/* The lists, newest first, walk an index to the page they show: a
	 * contract's disputes by opening date, every contract's, the closed
	 * ones by closing date. The uid breaks ties (it is the last sort
	 * key), so no temporary sort is needed; these replace the indexes of
	 * migration 2 they extend. */
	"DROP INDEX dispute_contract;"
	"CREATE INDEX dispute_contract_opened ON dispute"
	" (contract_uid, opened_on, uid);"
	"CREATE INDEX dispute_opened ON dispute (opened_on, uid);"
	"CREATE INDEX dispute_contract_closed ON dispute"
	" (contract_uid, closed_on, uid) WHERE closed_on IS NOT NULL;"
	"CREATE INDEX dispute_closed ON dispute (closed_on, uid)"
	" WHERE closed_on IS NOT NULL;"
	/* A dispute's steps in order; the disputes of a request. */
	"DROP INDEX arbitration_step_of;"
	"CREATE INDEX arbitration_step_held ON arbitration_step"
	" (dispute_uid, held_on, created_at);"
	"CREATE INDEX dispute_request_of ON dispute_request (request_uid);";

static const char migration_6[] =
	/* Meetings (store/meeting.c): closing a meeting validates the values
	 * it reviewed; validated_meeting_uid names that meeting (NULL: the
	 * value is provisional). A value changed after its validation keeps
	 * the mark, and its history row holds the reason given. Actions are
	 * always reached through their meeting (a contract's meetings by
	 * meeting_contract, then each one's): the unfinished ones of a
	 * meeting by (meeting_uid, status). An index led by status alone
	 * made SQLite walk every contract's open actions, once per meeting
	 * in a list. */
	"ALTER TABLE measurement ADD COLUMN validated_meeting_uid TEXT"
	" REFERENCES meeting(uid);"
	"CREATE INDEX measurement_validated ON measurement"
	" (validated_meeting_uid) WHERE validated_meeting_uid IS NOT NULL;"
	"CREATE INDEX meeting_attendee_of ON meeting_attendee (meeting_uid);"
	"CREATE INDEX decision_of ON decision (meeting_uid, position);"
	"CREATE INDEX action_item_open ON action_item"
	" (meeting_uid, status, due_on);";

static const char migration_7[] =
	/* Correcting what was recorded (store/meeting.c, dispute.c,
	 * request.c): every change of a meeting's records, of a dispute's
	 * steps and closure, of an exceptional request's fields is kept with
	 * who, when, before, after and, when one was given (required once a
	 * meeting or a dispute is closed), the reason. Histories are read
	 * one record at a time, oldest first: (record, at).
	 *
	 * dispute_change gains the reason and the new kinds of change; a
	 * CHECK cannot be altered, so the table is rebuilt, its rows copied
	 * in their order (the history sorts on at, then rowid). */
	"CREATE TABLE meeting_change ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" meeting_uid TEXT NOT NULL REFERENCES meeting(uid),"
	" what TEXT NOT NULL CHECK (what IN ('create', 'update', 'open',"
	"  'close', 'cancel', 'attendee_add', 'attendee_update',"
	"  'attendee_remove', 'decision_add', 'decision_update',"
	"  'decision_delete', 'action_add', 'action_update', 'action_status',"
	"  'action_delete')),"
	" author TEXT NOT NULL,"
	" at TEXT NOT NULL,"
	" before TEXT,"
	" after TEXT,"
	" reason TEXT"
	");"
	"CREATE INDEX meeting_change_of ON meeting_change (meeting_uid, at);"
	"CREATE TABLE dispute_change_7 ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" dispute_uid TEXT NOT NULL REFERENCES dispute(uid),"
	" what TEXT NOT NULL CHECK (what IN ('open', 'update', 'step',"
	"  'close', 'link', 'unlink', 'step_update', 'step_delete',"
	"  'close_update', 'reopen')),"
	" author TEXT NOT NULL,"
	" at TEXT NOT NULL,"
	" before TEXT,"
	" after TEXT,"
	" reason TEXT"
	");"
	"INSERT INTO dispute_change_7 (uid, dispute_uid, what, author, at,"
	" before, after) SELECT uid, dispute_uid, what, author, at, before,"
	" after FROM dispute_change ORDER BY rowid;"
	"DROP TABLE dispute_change;"
	"ALTER TABLE dispute_change_7 RENAME TO dispute_change;"
	"CREATE INDEX dispute_change_of ON dispute_change (dispute_uid, at);"
	"CREATE TABLE request_change ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" request_uid TEXT NOT NULL REFERENCES request(uid),"
	" what TEXT NOT NULL CHECK (what IN ('exceptional_set',"
	"  'exceptional_update', 'decision_clear')),"
	" author TEXT NOT NULL,"
	" at TEXT NOT NULL,"
	" before TEXT,"
	" after TEXT,"
	" reason TEXT"
	");"
	"CREATE INDEX request_change_of ON request_change (request_uid, at);";

static const char migration_8[] =
	/* An amendment either replaces annexes of domains the contract has
	 * or adds domains (suivi-contrat(5): « remplace », « ajoute »).
	 * adds holds the codes it added, ", "-separated, NULL when none
	 * (amendments imported before this migration only replaced). */
	"ALTER TABLE amendment ADD COLUMN adds TEXT;";

static const char migration_9[] =
	/* Article 4, enforced (store/dispute.c, request.c). A dispute of
	 * substance closed at level 3 keeps the Mayor's instruction: its
	 * text, who gave it, its date (ISO); NULL for every other dispute,
	 * and for those closed before this migration, which simply do not
	 * count as settled by it. An urgent request keeps its specific
	 * priority (a short text) and intervention delay (whole minutes);
	 * NULL for the others. */
	"ALTER TABLE dispute ADD COLUMN mayor_instruction TEXT;"
	"ALTER TABLE dispute ADD COLUMN mayor_instruction_by TEXT;"
	"ALTER TABLE dispute ADD COLUMN mayor_instruction_on TEXT;"
	"ALTER TABLE request ADD COLUMN urgent_priority TEXT;"
	"ALTER TABLE request ADD COLUMN urgent_delay_min INTEGER"
	" CHECK (urgent_delay_min IS NULL OR urgent_delay_min > 0);";

static const char migration_10[] =
	/* What the follow-up chose where the contract says nothing
	 * (suivi-contrat(5), [choix]): the file keys of an indicator's
	 * attributes (type_valeur, unite, echelle, meilleur, criticites,
	 * calcul) and of a contract's header facts (insee, debut, signature,
	 * duree) that are choices, ", "-separated; NULL: all stated by the
	 * contract (and in files imported before this migration, unknown). */
	"ALTER TABLE indicator ADD COLUMN choices TEXT;"
	"ALTER TABLE contract ADD COLUMN choices TEXT;";

static const char migration_11[] =
	/* The year's evaluation once written (store/evaluation_record.c):
	 * the adjustments proposed for the next year, when it was sent to
	 * the commune and presented to its instances délibératives
	 * communales (ISO dates). One row per contract and year. */
	"CREATE TABLE evaluation_record ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),"
	" adjustments TEXT,"
	" sent_on TEXT,"
	" presented_on TEXT,"
	" author TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" UNIQUE (contract_uid, year)"
	");";

static const char migration_12[] =
	/* Observations by party (article 5: « les observations formulées
	 * par les parties »): the commune's and Bordeaux Métropole's, each
	 * once per domain and year; party NULL for those written before,
	 * whose party was not said. A UNIQUE constraint cannot be altered:
	 * the table is rebuilt, its rows copied. */
	"CREATE TABLE observation_12 ("
	" uid TEXT PRIMARY KEY NOT NULL,"
	" domain_uid TEXT NOT NULL REFERENCES domain(uid),"
	" year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),"
	" text TEXT NOT NULL,"
	" author TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" party TEXT CHECK (party IN ('commune', 'metropole'))"
	");"
	"INSERT INTO observation_12 (uid, domain_uid, year, text, author,"
	" updated_at) SELECT uid, domain_uid, year, text, author, updated_at"
	" FROM observation ORDER BY rowid;"
	"DROP TABLE observation;"
	"ALTER TABLE observation_12 RENAME TO observation;"
	"CREATE UNIQUE INDEX observation_of ON observation"
	" (domain_uid, year, ifnull(party, ''));";

static const char migration_13[] =
	/* Stable identities (issue 19): a row of the contract model is named
	 * by what it is and its natural key, the same in every database
	 * holding the same contracts whatever the order of the imports
	 * (store_uid_stable: the contract by its identifier, a domain by its
	 * contract and code, an annex by its domain and version, an
	 * indicator by its annex and code...), and so is a row of a cell
	 * users fill (a value by indicator, period and criticality; a target
	 * by indicator, year and criticality; an observation by domain, year
	 * and party; an evaluation record by contract and year), so that the
	 * same cell filled on two laptops is one row once their sync files
	 * are exchanged. Records created once (requests, disputes, meetings
	 * and what hangs on them, history lines) keep their random uid: it
	 * travels with them.
	 *
	 * The rows already there get these names now: a map old -> new,
	 * built parent first (a child's name uses its parent's new one),
	 * then every key and reference rewritten through it, foreign keys
	 * checked at the commit. Drafts name contracts and cells in their
	 * context: rewritten too (a context holds a few uids at most). What
	 * the database shows does not change. */
	"PRAGMA defer_foreign_keys = ON;"
	/* Renaming a parent makes SQLite look for its children: by index,
	 * for the references that have none (else, for each of the 1 000
	 * sub-domains of a large base, the 50 000 requests read again) */
	"CREATE INDEX m13_request_domain ON request (domain_uid);"
	"CREATE INDEX m13_request_subdomain ON request (subdomain_uid);"
	"CREATE INDEX m13_dispute_domain ON dispute (domain_uid);"
	"CREATE INDEX m13_commitment_subdomain ON commitment (subdomain_uid);"
	"CREATE INDEX m13_contact_subdomain ON contact (subdomain_uid);"
	"CREATE INDEX m13_annex_amendment ON annex (amendment_uid);"
	"CREATE TEMP TABLE uid_map_13 (old TEXT PRIMARY KEY, new TEXT NOT NULL)"
	" WITHOUT ROWID;"
	"INSERT INTO uid_map_13 SELECT uid, suivi_uid('commune', insee)"
	" FROM commune;"
	"INSERT INTO uid_map_13 SELECT uid, suivi_uid('contract', identifier)"
	" FROM contract;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('article', m.new,"
	" x.number) FROM article x JOIN uid_map_13 m ON m.old = x.contract_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('amendment', m.new,"
	" x.number) FROM amendment x JOIN uid_map_13 m"
	" ON m.old = x.contract_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('domain', m.new, x.code)"
	" FROM domain x JOIN uid_map_13 m ON m.old = x.contract_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('annex', m.new,"
	" x.version) FROM annex x JOIN uid_map_13 m ON m.old = x.domain_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('subdomain', m.new,"
	" x.letter) FROM subdomain x JOIN uid_map_13 m ON m.old = x.annex_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('activity', m.new,"
	" x.position) FROM activity x JOIN uid_map_13 m"
	" ON m.old = x.subdomain_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('role', m.new,"
	" x.position) FROM role x JOIN uid_map_13 m ON m.old = x.annex_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('contact', m.new,"
	" ifnull(sd.new, ''), x.kind, x.side) FROM contact x"
	" JOIN uid_map_13 m ON m.old = x.annex_uid"
	" LEFT JOIN uid_map_13 sd ON sd.old = x.subdomain_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('priority', m.new,"
	" x.position) FROM priority x JOIN uid_map_13 m ON m.old = x.annex_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('committee', m.new,"
	" x.position) FROM committee x JOIN uid_map_13 m"
	" ON m.old = x.annex_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('commitment', m.new,"
	" x.code) FROM commitment x JOIN uid_map_13 m ON m.old = x.annex_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('indicator', m.new,"
	" x.code) FROM indicator x JOIN uid_map_13 m ON m.old = x.annex_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('target', m.new, x.year,"
	" x.criticality) FROM target x JOIN uid_map_13 m"
	" ON m.old = x.indicator_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('measurement', m.new,"
	" x.period, x.criticality) FROM measurement x JOIN uid_map_13 m"
	" ON m.old = x.indicator_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('observation', m.new,"
	" x.year, ifnull(x.party, '')) FROM observation x JOIN uid_map_13 m"
	" ON m.old = x.domain_uid;"
	"INSERT INTO uid_map_13 SELECT x.uid, suivi_uid('evaluation', m.new,"
	" x.year) FROM evaluation_record x JOIN uid_map_13 m"
	" ON m.old = x.contract_uid;"
	"UPDATE commune SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = commune.uid), uid);"
	"UPDATE contract SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = contract.uid), uid),"
	" commune_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = contract.commune_uid), commune_uid);"
	"UPDATE article SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = article.uid), uid),"
	" contract_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = article.contract_uid), contract_uid);"
	"UPDATE amendment SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = amendment.uid), uid),"
	" contract_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = amendment.contract_uid), contract_uid);"
	"UPDATE domain SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = domain.uid), uid),"
	" contract_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = domain.contract_uid), contract_uid);"
	"UPDATE annex SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = annex.uid), uid),"
	" domain_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = annex.domain_uid), domain_uid),"
	" amendment_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = annex.amendment_uid), amendment_uid);"
	"UPDATE subdomain SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = subdomain.uid), uid),"
	" annex_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = subdomain.annex_uid), annex_uid);"
	"UPDATE activity SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = activity.uid), uid),"
	" subdomain_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = activity.subdomain_uid), subdomain_uid);"
	"UPDATE role SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = role.uid), uid),"
	" annex_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = role.annex_uid), annex_uid);"
	"UPDATE contact SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = contact.uid), uid),"
	" annex_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = contact.annex_uid), annex_uid),"
	" subdomain_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = contact.subdomain_uid), subdomain_uid);"
	"UPDATE priority SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = priority.uid), uid),"
	" annex_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = priority.annex_uid), annex_uid);"
	"UPDATE committee SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = committee.uid), uid),"
	" annex_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = committee.annex_uid), annex_uid);"
	"UPDATE commitment SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = commitment.uid), uid),"
	" annex_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = commitment.annex_uid), annex_uid),"
	" subdomain_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = commitment.subdomain_uid), subdomain_uid);"
	"UPDATE indicator SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = indicator.uid), uid),"
	" annex_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = indicator.annex_uid), annex_uid),"
	" commitment_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = indicator.commitment_uid), commitment_uid);"
	"UPDATE indicator_choice SET"
	" indicator_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = indicator_choice.indicator_uid), indicator_uid);"
	"UPDATE target SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = target.uid), uid),"
	" indicator_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = target.indicator_uid), indicator_uid);"
	"UPDATE measurement SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = measurement.uid), uid),"
	" indicator_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = measurement.indicator_uid), indicator_uid);"
	"UPDATE measurement_history SET"
	" measurement_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = measurement_history.measurement_uid), measurement_uid);"
	"UPDATE request SET"
	" contract_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = request.contract_uid), contract_uid),"
	" domain_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = request.domain_uid), domain_uid),"
	" subdomain_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = request.subdomain_uid), subdomain_uid);"
	"UPDATE dispute SET"
	" contract_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = dispute.contract_uid), contract_uid),"
	" domain_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = dispute.domain_uid), domain_uid);"
	"UPDATE meeting SET"
	" contract_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = meeting.contract_uid), contract_uid);"
	"UPDATE observation SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = observation.uid), uid),"
	" domain_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = observation.domain_uid), domain_uid);"
	"UPDATE evaluation_record SET"
	" uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = evaluation_record.uid), uid),"
	" contract_uid = ifnull((SELECT new FROM uid_map_13"
	"  WHERE old = evaluation_record.contract_uid), contract_uid);"
	/* four passes: a draft's context names a contract, a domain, an
	 * indicator, a value at most */
	"UPDATE draft SET context = replace(context, m.old, m.new)"
	" FROM uid_map_13 m WHERE instr(draft.context, m.old) > 0;"
	"UPDATE draft SET context = replace(context, m.old, m.new)"
	" FROM uid_map_13 m WHERE instr(draft.context, m.old) > 0;"
	"UPDATE draft SET context = replace(context, m.old, m.new)"
	" FROM uid_map_13 m WHERE instr(draft.context, m.old) > 0;"
	"UPDATE draft SET context = replace(context, m.old, m.new)"
	" FROM uid_map_13 m WHERE instr(draft.context, m.old) > 0;"
	"DROP TABLE uid_map_13;"
	"DROP INDEX m13_request_domain;"
	"DROP INDEX m13_request_subdomain;"
	"DROP INDEX m13_dispute_domain;"
	"DROP INDEX m13_commitment_subdomain;"
	"DROP INDEX m13_contact_subdomain;"
	"DROP INDEX m13_annex_amendment;";

static const char migration_14[] =
	/* Sync files (store/sync.c, suivi sync): each database has an id
	 * (random, made here; a copy of the file takes another at its first
	 * write: sync_identity) and a hybrid clock (milliseconds, never going
	 * back: the later of the wall clock and every stamp seen, plus one).
	 * sync_change is the log of what travels: each transaction that
	 * changed users' records of a contract, as an SQLite changeset, the
	 * database that made it (origin) and its number there (1, 2, … per
	 * origin and contract), its stamp, and what of that contract its
	 * writer had applied (deps, "origin:number,…"), made here or
	 * received; applied 0 while it waits for an earlier change. seq is
	 * the order it came here: what a peer is sent is what came after
	 * the last file written for it (sync_peer). sync_source keeps what
	 * each database that sent a file had applied then ("have"). Which
	 * write of a row's column is the latest is kept in sync_stamp
	 * ("column=stamp/origin/number;…", origin an index in sync_origin,
	 * "*" the row's making and every column's, "d" its last deletion);
	 * a deleted row keeps its last values there (image, a one-row
	 * changeset), so that a change made elsewhere before the deletion
	 * still counts if the row is made again. sync_conflict lists the
	 * changes made on both sides since their last exchange: the version
	 * kept and the one set aside, until reviewed. */
	"CREATE TABLE sync_self ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" db_id TEXT NOT NULL,"
	" clock INTEGER NOT NULL DEFAULT 0,"
	" file TEXT"	/* "device:inode" of the file the id is of */
	");"
	"INSERT INTO sync_self (id, db_id) VALUES (1, lower(hex(randomblob(16))));"
	"CREATE TABLE sync_origin ("
	" idx INTEGER PRIMARY KEY,"
	" db_id TEXT NOT NULL UNIQUE"
	");"
	"CREATE TABLE sync_change ("
	" seq INTEGER PRIMARY KEY,"
	" origin TEXT NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" number INTEGER NOT NULL CHECK (number > 0),"
	" stamp INTEGER NOT NULL,"
	" deps TEXT NOT NULL DEFAULT '',"
	" at TEXT NOT NULL,"
	" author TEXT,"
	" rows INTEGER NOT NULL,"
	" changeset BLOB NOT NULL,"
	" applied INTEGER NOT NULL CHECK (applied IN (0, 1)),"
	" received_at TEXT,"
	" UNIQUE (origin, contract_uid, number)"
	");"
	"CREATE INDEX sync_change_contract ON sync_change (contract_uid, seq);"
	/* what of each contract is applied here: the highest number of
	 * each origin (entries apply in order), read at each write */
	"CREATE TABLE sync_vector ("
	" origin TEXT NOT NULL,"
	" contract_uid TEXT NOT NULL,"
	" number INTEGER NOT NULL,"
	" PRIMARY KEY (origin, contract_uid)"
	") WITHOUT ROWID;"
	"CREATE TABLE sync_stamp ("
	" tbl TEXT NOT NULL,"
	" pk TEXT NOT NULL,"
	" stamps TEXT NOT NULL,"
	" image BLOB,"
	" PRIMARY KEY (tbl, pk)"
	") WITHOUT ROWID;"
	"CREATE TABLE sync_peer ("
	" name TEXT PRIMARY KEY NOT NULL,"
	" sent_seq INTEGER NOT NULL DEFAULT 0,"
	" exported_at TEXT,"
	" entries INTEGER NOT NULL DEFAULT 0,"
	" file TEXT"
	");"
	"CREATE TABLE sync_source ("
	" db_id TEXT PRIMARY KEY NOT NULL,"
	" label TEXT,"
	" imported_at TEXT NOT NULL,"
	" file TEXT,"
	" created TEXT,"
	" have TEXT NOT NULL DEFAULT '',"
	" contracts TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TABLE sync_conflict ("
	" id INTEGER PRIMARY KEY,"
	" noted_at TEXT NOT NULL,"
	" contract_uid TEXT NOT NULL REFERENCES contract(uid),"
	" tbl TEXT NOT NULL,"
	" pk TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('both_changed', 'deleted_changed',"
	"  'changed_deleted')),"
	" kept TEXT,"
	" kept_by TEXT,"
	" kept_at TEXT,"
	" lost TEXT,"
	" lost_by TEXT,"
	" lost_at TEXT,"
	" reviewed_at TEXT"
	");"
	"CREATE INDEX sync_conflict_open ON sync_conflict (contract_uid, id)"
	" WHERE reviewed_at IS NULL;";

const char *const store_migrations[] = {
	migration_1,
	migration_2,
	migration_3,
	migration_4,
	migration_5,
	migration_6,
	migration_7,
	migration_8,
	migration_9,
	migration_10,
	migration_11,
	migration_12,
	migration_13,
	migration_14,
};

/* The version from which contract and indicator have their choices
 * column (migration_10, wherever it stands in the list). */
int store_schema_version_of_choices(void)
{
	for (int i = 0; i < store_schema_version_latest; i++)
		if (store_migrations[i] == migration_10)
			return i + 1;
	return store_schema_version_latest + 1;
}

/* The version from which the sync log exists (migration_14). */
int store_schema_version_of_sync(void)
{
	for (int i = 0; i < store_schema_version_latest; i++)
		if (store_migrations[i] == migration_14)
			return i + 1;
	return store_schema_version_latest + 1;
}

const int store_schema_version_latest =
	(int)(sizeof store_migrations / sizeof store_migrations[0]);
