import type { MigrationSet } from '@homeward/event-store';

/*
 * The refusal is PL/pgSQL, whose statements end in `;`, and a migration is split into statements
 * on `;`: the body is an escape string whose semicolon is written `\073`, so the splitter never
 * sees one. (A trigger function cannot be plain SQL.)
 */
const REFUSE_CHANGES = `CREATE FUNCTION hw_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''hw_audit is append-only: % refused (audit entries are never changed or removed)'', TG_OP USING ERRCODE = ''insufficient_privilege''\\073 END'`;

/**
 * The audit of reads and disclosures (see sql-audit-log.ts), its own scope so it migrates
 * wherever the audit log is provided. Append-only at the database: UPDATE, DELETE and TRUNCATE
 * raise. `seq` is given by the writer under the chain's lock, not by a sequence, which would
 * leave a gap (read as a removed entry) whenever a transaction rolled back. Never edit a
 * released migration: add the next id.
 */
export const AUDIT_MIGRATIONS: MigrationSet = {
  scope: 'platform.audit',
  migrations: [
    {
      id: 1,
      name: 'audit log, append-only and hash-chained',
      sql: `CREATE TABLE hw_audit (
  seq           bigint PRIMARY KEY CHECK (seq > 0),
  at            timestamptz NOT NULL,
  kind          text NOT NULL,
  sub           text NOT NULL,
  roles         text[] NOT NULL,
  organisation  text,
  route         text NOT NULL,
  child_ids     text[] NOT NULL,
  purpose       text,
  records       int NOT NULL,
  status        int NOT NULL,
  result        text NOT NULL,
  reason        text,
  request_id    text,
  previous_hash text NOT NULL,
  hash          text NOT NULL
);
CREATE INDEX hw_audit_child_ids ON hw_audit USING gin (child_ids);
CREATE INDEX hw_audit_sub ON hw_audit (sub, seq);
CREATE INDEX hw_audit_at ON hw_audit (at);
${REFUSE_CHANGES};
CREATE TRIGGER hw_audit_append_only BEFORE UPDATE OR DELETE ON hw_audit
  FOR EACH ROW EXECUTE FUNCTION hw_audit_refuse_change();
CREATE TRIGGER hw_audit_no_truncate BEFORE TRUNCATE ON hw_audit
  FOR EACH STATEMENT EXECUTE FUNCTION hw_audit_refuse_change()`,
    },
  ],
};
