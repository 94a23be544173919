// The messages between the extension host and the log search worker, defined once for both sides.
import { LogEntry } from './model';
import type { PiiFinding } from './piiScan';
import { LogQuery } from './query';
import { SearchFile } from './search';

export namespace SearchMessages {
  /** Host → worker. */
  export type ToWorker =
    | { readonly type: 'search'; readonly id: number; readonly files: readonly SearchFile[]; readonly query: LogQuery; readonly rgPath?: string; readonly limit: number }
    /** Continue a paused search for `limit` more entries. */
    | { readonly type: 'more'; readonly id: number; readonly limit: number }
    | { readonly type: 'cancel'; readonly id: number }
    /** The data-protection scan of files (cancelled with 'cancel'). */
    | { readonly type: 'pii'; readonly id: number; readonly files: readonly string[]; readonly rgPath?: string; readonly minScore: number };

  /** Worker → host. */
  export type FromWorker =
    | { readonly type: 'batch'; readonly id: number; readonly entries: readonly LogEntry[] }
    /** The limit was reached and more may follow ("load more"); `count` entries were sent in all. */
    | { readonly type: 'paused'; readonly id: number; readonly count: number }
    | { readonly type: 'done'; readonly id: number; readonly count: number; readonly cancelled: boolean }
    | { readonly type: 'error'; readonly id: number; readonly message: string }
    /** A file of the scan is done. */
    | { readonly type: 'piiProgress'; readonly id: number; readonly file: string; readonly done: number }
    | { readonly type: 'piiDone'; readonly id: number; readonly findings: readonly PiiFinding[]; readonly cancelled: boolean };
}
