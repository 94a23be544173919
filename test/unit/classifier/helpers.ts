import type { ColumnInfo } from '../../../server/src/schema/model';

/** A nullable, plain column unless `extra` says otherwise. */
export function col(name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  return { name, type, nullable: true, identity: false, computed: false, ...extra };
}
