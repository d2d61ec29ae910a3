import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { MeasurementAction } from '../../src/proposals/measurement-action.ts';
import { measurementHistory } from '../schema.ts';
import { placeholders } from './placeholders.ts';
import type { RepositoryContext } from './repository-context.ts';

const { p, setRaw } = placeholders;

/** A measurement value an operation records (what the history receives when it is applied). */
export interface RecordedValue {
  /** What happened to the month's entry; a `removed` row holds the value that was removed. */
  action: MeasurementAction;
  scenario: string;
  useCase: string;
  input: string;
  month: string;
  value: number;
  note: string | null;
  evidence: string | null;
  source: string | null;
  /** The value it replaces (or, for `removed`, removes) in that month, null when the month had none. */
  replacedValue: number | null;
}

/** One row of the measurement history (a current, replaced or removed value, or a removal). */
export interface MeasurementRecord extends RecordedValue {
  id: number;
  caseId: string;
  /** Who proposed the change this row records (for `removed`: who asked for the removal), or the importer. */
  recordedBy: string;
  approvedBy: string | null;
  proposalId: string | null;
  recordedAt: string;
  version: number;
  /** The id of the row that replaced (or removed) this one; null for the month's latest row. */
  supersededBy: number | null;
}

/** A history row to write (`action` default `recorded`); the store links it to the row it replaces or removes. */
export type NewMeasurement = Omit<MeasurementRecord, 'id' | 'supersededBy' | 'action'> & { action?: MeasurementAction };

/** Which measurement history to read: a case, optionally narrowed to one input. */
export interface MeasurementFilter {
  caseId: string;
  scenario?: string;
  useCase?: string;
  input?: string;
}

/** Every measurement value that ever entered a case, replaced and removed ones included. */
export interface MeasurementHistoryRepository {
  /** Appends rows to the measurement history, marking the rows they replace or remove as superseded. */
  insertMeasurements(rows: readonly NewMeasurement[]): void;
  /** Measurement history, oldest first, replaced and removed values included. */
  listMeasurements(filter: MeasurementFilter): MeasurementRecord[];
}

/** The measurement-history repository over SQLite; its writes are on the approval path, prepared once. */
export function measurementHistoryRepository({ db }: RepositoryContext): MeasurementHistoryRepository {
  const q = {
    insert: db
      .insert(measurementHistory)
      .values({
        caseId: p('caseId'),
        scenario: p('scenario'),
        useCase: p('useCase'),
        input: p('input'),
        month: p('month'),
        value: p('value'),
        note: p('note'),
        evidence: p('evidence'),
        source: p('source'),
        recordedBy: p('recordedBy'),
        approvedBy: p('approvedBy'),
        proposalId: p('proposalId'),
        recordedAt: p('recordedAt'),
        version: p('version'),
        replacedValue: p('replacedValue'),
        supersededBy: null,
        action: p('action'),
      })
      .returning({ id: measurementHistory.id })
      .prepare(),
    supersede: db
      .update(measurementHistory)
      .set({ supersededBy: setRaw('newId') })
      .where(
        and(
          eq(measurementHistory.caseId, p('caseId')),
          eq(measurementHistory.scenario, p('scenario')),
          eq(measurementHistory.useCase, p('useCase')),
          eq(measurementHistory.input, p('input')),
          eq(measurementHistory.month, p('month')),
          isNull(measurementHistory.supersededBy),
          ne(measurementHistory.id, p('newId')),
        ),
      )
      .prepare(),
  };
  return {
    insertMeasurements(rows) {
      for (const row of rows) {
        const { id } = q.insert.get({ ...row, action: row.action ?? 'recorded' })!;
        q.supersede.run({ ...row, newId: id });
      }
    },
    listMeasurements(filter) {
      const conditions = [eq(measurementHistory.caseId, filter.caseId)];
      if (filter.scenario !== undefined) conditions.push(eq(measurementHistory.scenario, filter.scenario));
      if (filter.useCase !== undefined) conditions.push(eq(measurementHistory.useCase, filter.useCase));
      if (filter.input !== undefined) conditions.push(eq(measurementHistory.input, filter.input));
      return db
        .select()
        .from(measurementHistory)
        .where(and(...conditions))
        .orderBy(asc(measurementHistory.id))
        .all() satisfies MeasurementRecord[];
    },
  };
}
