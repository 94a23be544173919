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

export namespace ClassifierDeploySqlRequest {
  /** Deploy SQL for an open classifier (.klass) document, generated against the current schema. */
  export const method = 'etaitur/classifierDeploySql';
  export interface Params { uri: string }
  export type Result = { sql: string; error?: undefined } | { sql?: undefined; error: string };
}
