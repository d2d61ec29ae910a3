/**
 * The store as the doors see it: the storage interface and its records, and how a process
 * opens it. Doors reach `db/` only through here (and through the app's functions), so the
 * storage layout can change behind one file.
 */
export type {
  ApiTokenRecord,
  AuditRecord,
  CaseListing,
  CaseRecord,
  MeasurementRecord,
  ProposalRecord,
  QbrDraftRecord,
  Store,
  WorkspaceRecord,
} from '../../db/store.ts';
export { openStore } from '../../db/open-store.ts';
export { configuredBusyTimeoutMs, configuredDbPath, SERVER_BUSY_TIMEOUT_MS } from '../../db/client.ts';
