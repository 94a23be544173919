// Custom requests between the client and the language server, declared once; both sides import this.
// Plain method names and types only: no vscode or LSP import, so the client bundle can use it too.

export namespace CheckWorkspaceRequest {
  export const method = 'etaitur/checkWorkspace';
  export interface Params { /** Restrict to these folders (file URIs); default: every workspace folder. */ folders?: string[] }
  export interface Result { files: number; findings: number; errors: number; durationMs: number }
}

export namespace SchemaDocumentRequest {
  /** Serves the read-only generated DDL behind `etaitur-schema:` URIs. */
  export const method = 'etaitur/schemaDocument';
  export const scheme = 'etaitur-schema';
  export interface Params { uri: string }
  export interface Result { text: string }
}

export namespace SchemaStatusNotification {
  export const method = 'etaitur/schemaStatus';
  export interface Params { description: string; tables: number; warnings: string[]; error?: string }
}

export namespace LiveSchemaNotification {
  /**
   * Client to server: while a live connection is in use (or its cached snapshot after a restart), SQL documents
   * are checked against this snapshot file instead of the DDL/snapshot settings; null goes back to those.
   * Sent again with a new readAt after every reload of the catalog.
   */
  export const method = 'etaitur/liveSchema';
  export type Params = { profile: string; snapshotPath: string; readAt: string } | null;
}

export namespace ClassifierDeploySqlRequest {
  /** Deploy SQL for an open classifier (.klass) document, generated against the current schema. */
  export const method = 'etaitur/classifierDeploySql';
  export interface Params { uri: string }
  export type Result = { sql: string; error?: undefined } | { sql?: undefined; error: string };
}

export namespace ClassifierDriftRequest {
  /**
   * Client to server: the rows of an open classifier document's table (read live, or from a data snapshot file);
   * the server compares them with the file and shows the drift as diagnostics with quick fixes. rows null clears it.
   */
  export const method = 'etaitur/classifierDrift';
  export interface Params { uri: string; rows: Record<string, unknown>[] | null; source?: string }
  export interface Result { missingInFile: number; missingInDatabase: number; differs: number; error?: string }
}
