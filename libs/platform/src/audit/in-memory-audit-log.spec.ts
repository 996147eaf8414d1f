import { InMemoryAuditLog } from './in-memory-audit-log';
import { auditLogConformance } from '../testing/audit-log.conformance';

auditLogConformance('in-memory', async () => {
  const log = new InMemoryAuditLog();
  const at = (seq: number) => log.entries.findIndex((e) => e.seq === seq);
  return {
    log,
    changePurpose: async (seq, purpose) => {
      log.entries[at(seq)] = { ...log.entries[at(seq)], purpose };
    },
    remove: async (seq) => {
      log.entries.splice(at(seq), 1);
    },
  };
});
