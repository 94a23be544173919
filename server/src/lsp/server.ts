// Wires the connection to the document store, analysis, schema/config stores and the pure features.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeSqlFile } from '../files/sqlFileText';
import {
  type Connection, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  CodeActionKind, type CompletionItem, type InitializeParams, type DidChangeConfigurationParams, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent, type WorkspaceFolder, type Location, type CodeAction, FoldingRangeKind, MarkupKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from '../features/completion';
import { hover } from '../features/hover';
import { definition, symbolAt } from '../features/definition';
import { resolvedReferences, resolvedSymbolAt } from '../features/references';
import { parseScript } from '../sql/parser';
import { resolveScript, type Resolution } from '../resolve';
import { documentSymbols } from '../features/symbols';
import { foldingRanges } from '../features/folding';
import { signatureHelp } from '../features/signatureHelp';
import { codeActions, type FindingLike } from '../features/codeActions';
import { generateTableDdl, parseSchemaUri } from '../features/schemaDdl';
import { langOf, msg, type Lang } from '../features/messages';
import { checkScript } from '../check';
import { LineIndex } from '../text/lineIndex';
import type { Schema } from '../schema/model';
import type { CheckerConfig } from '../config/config';
import type { ClassifierCatalog } from '../classifier/catalog';
import { CheckWorkspaceRequest, ClassifierDeploySqlRequest, ClassifierDriftRequest, LiveSchemaNotification, SchemaDocumentRequest, SchemaStatusNotification } from '../shared/customMessages';
import { ClassifierDocuments, isClassifierDocument } from './classifierDocuments';
import { ClassifierCatalogStore } from './classifierCatalogStore';
import { AnalysisCache, type Analysis } from './analysis';
import { ConfigStore } from './configStore';
import { COMPLETION_KIND, toDiagnostic, toDocumentSymbol, toOffset, toRange } from './convert';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { JitWarmup } from './jitWarmup';
import { guarded } from './guard';
import { SchemaStore, type SchemaSpec } from './schemaStore';
import { SettingsCache } from './settings';
import { listSqlFiles } from './workspaceFiles';

export interface ServerOptions {
  diagnosticsDelayMs: number;
  incrementalParse?: boolean;
  /** CPU time for warming the checker on the first document while idle (0: off). */
  warmupMs?: number;
}

function uriToPath(uri: string): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri) : undefined; } catch { return undefined; }
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => { try { connection.console.log(m); } catch { /* connection gone */ } };
  const analyses = new AnalysisCache(options.incrementalParse ?? true);
  const classifiers = new ClassifierDocuments();
  const catalogs = new ClassifierCatalogStore(() => folders, log);
  const configs = new ConfigStore(log);
  let folders: string[] = [];
  let pullConfig = false;
  let estonian = false;
  /** The client watches the files itself (synchronize.fileEvents): don't register watchers too. */
  let clientWatches = false;
  let settings!: SettingsCache;
  const schemas = new SchemaStore(log, (l) => {
    try {
      void connection.sendNotification(SchemaStatusNotification.method, {
        description: l.result?.description ?? '', tables: l.result?.schema.size ?? 0, warnings: l.result?.warnings.slice(0, 20) ?? [], error: l.error,
      } satisfies SchemaStatusNotification.Params);
    } catch { /* ignore */ }
    recheckOpen();
  });

  function folderOf(file: string | undefined): string | undefined {
    if (!file) return folders[0];
    return folders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] ?? folders[0];
  }

  /** Settings win; without them, etaitur.json's schema section (relative to the config file). */
  async function specFor(uri: string, config: { file: string; config: CheckerConfig } | undefined): Promise<SchemaSpec | undefined> {
    const s = await settings.get(uri);
    const base = folderOf(uriToPath(uri)) ?? process.cwd();
    const abs = (p: string, from: string) => (path.isAbsolute(p) ? p : path.resolve(from, p));
    const cs = config?.config.schema;
    const caseSensitive = config?.config.caseSensitive;
    if (s.schema.snapshot || s.schema.ddl.length) {
      return { snapshot: s.schema.snapshot ? abs(s.schema.snapshot, base) : '', ddl: s.schema.ddl.map((d) => abs(d, base)), defaultSchema: cs?.defaultSchema, caseSensitive };
    }
    if (cs && (cs.snapshot || cs.ddl?.length)) {
      const dir = path.dirname(config!.file);
      return { snapshot: cs.snapshot ? abs(cs.snapshot, dir) : '', ddl: (cs.ddl ?? []).map((d) => abs(d, dir)), defaultSchema: cs.defaultSchema, caseSensitive };
    }
    return undefined;
  }

  async function contextFor(uri: string): Promise<{ schema?: Schema; config?: CheckerConfig; classifiers?: ClassifierCatalog }> {
    const cfg = await configs.get(uriToPath(uri));
    const loaded = await schemas.get(await specFor(uri, cfg));
    return { schema: loaded?.result?.schema, config: cfg?.config, classifiers: await catalogs.get() };
  }

  async function analyze(uri: string): Promise<Analysis | undefined> {
    const doc = documents.get(uri);
    if (!doc || isClassifierDocument(doc)) return undefined;
    const ctx = await contextFor(uri);
    const current = documents.get(uri);
    if (!current) return undefined;
    return analyses.get(uri, current.version, current.getText(), ctx.schema, ctx.config, ctx.classifiers);
  }

  const scheduler = new DiagnosticsScheduler(options.diagnosticsDelayMs, guarded('diagnostics', log, undefined, async (uri: string, isCurrent: () => boolean) => {
    const cdoc = documents.get(uri);
    if (cdoc && isClassifierDocument(cdoc)) {
      const { schema } = await contextFor(uri);
      const s = await settings.get(uri);
      const current = documents.get(uri);
      if (!current || current.version !== cdoc.version || !isCurrent()) return;
      await connection.sendDiagnostics({ uri, version: current.version, diagnostics: classifiers.diagnostics(current, schema, s.estonian, s.classifiers.requiredLanguages) });
      return;
    }
    const a = await analyze(uri);
    if (!a || !isCurrent()) return; // superseded by a newer change
    const isEt = (await settings.get(uri)).estonian;
    await connection.sendDiagnostics({ uri, version: a.version, diagnostics: a.result.findings.map((f) => toDiagnostic(a.lines, f, isEt)) });
    warmup.offer(a);
  }));
  const warmup = new JitWarmup(options.warmupMs ?? 1500, () => scheduler.idleFor(250));

  async function langFor(uri: string): Promise<Lang> {
    return (await settings.get(uri)).estonian ? 'et' : 'en';
  }

  function recheckOpen(): void {
    for (const d of documents.all()) scheduler.schedule(d.uri, 0);
  }

  connection.onInitialize((params: InitializeParams) => {
    folders = (params.workspaceFolders ?? []).map((f: WorkspaceFolder) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (!folders.length && params.rootUri) { const r = uriToPath(params.rootUri); if (r) folders = [r]; }
    pullConfig = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as { settings?: unknown; locale?: unknown; fileEvents?: unknown } | undefined;
    estonian = langOf(init?.locale ?? params.locale) === 'et';
    clientWatches = init?.fileEvents === true;
    settings = new SettingsCache(connection, () => pullConfig, estonian);
    if (init?.settings) settings.clear(init.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '@', '#', '(', ','] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        signatureHelpProvider: { triggerCharacters: ['(', ','] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      },
      serverInfo: { name: 'e-Täitur language server' },
    };
  });

  connection.onInitialized(() => {
    const caps = (connection as unknown as { _caps?: unknown })._caps;
    void caps;
    try {
      if (pullConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'etaitur' }).catch(() => undefined);
      if (!clientWatches) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.sql' }, { globPattern: '**/*.json' }, { globPattern: '**/*.klass' }],
        }).catch(() => undefined);
      }
    } catch (e) { log(`registration failed: ${String(e)}`); }
  });

  connection.onDidChangeConfiguration(guarded('didChangeConfiguration', log, undefined, (p: DidChangeConfigurationParams) => {
    settings.clear(p.settings ?? undefined);
    schemas.clear();
    analyses.clear();
    recheckOpen();
  }));

  connection.onDidChangeWatchedFiles(guarded('didChangeWatchedFiles', log, undefined, (p: DidChangeWatchedFilesParams) => {
    const files = p.changes.map((c) => uriToPath(c.uri)).filter((f): f is string => !!f);
    if (files.some((f) => path.basename(f).toLowerCase() === 'etaitur.json')) { configs.clear(); schemas.clear(); analyses.clear(); recheckOpen(); return; }
    if (schemas.invalidate(files).length) { analyses.clear(); recheckOpen(); }
    if (catalogs.invalidate(files)) recheckOpen();
  }));

  // The client's live connection: check against its cached catalog snapshot (null: back to settings).
  connection.onNotification(LiveSchemaNotification.method, guarded('liveSchema', log, undefined, (p: LiveSchemaNotification.Params) => {
    if (schemas.setLive(p)) { analyses.clear(); recheckOpen(); }
  }));

  documents.onDidOpen((e: TextDocumentChangeEvent<TextDocument>) => scheduler.schedule(e.document.uri, 0));
  documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => {
    scheduler.schedule(e.document.uri);
    // An edited classifier file changes the codes the SQL documents are checked against.
    const file = isClassifierDocument(e.document) ? uriToPath(e.document.uri) : undefined;
    if (file && catalogs.setOpen(file, e.document.getText())) for (const d of documents.all()) if (!isClassifierDocument(d)) scheduler.schedule(d.uri);
  });
  documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
    scheduler.cancel(e.document.uri);
    analyses.delete(e.document.uri);
    classifiers.forget(e.document.uri);
    const klass = isClassifierDocument(e.document) ? uriToPath(e.document.uri) : undefined;
    if (klass && catalogs.setOpen(klass, undefined)) recheckOpen();
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function textOf(uri: string): { doc: TextDocument; text: string; lines: LineIndex } | undefined {
    const doc = documents.get(uri);
    if (!doc || isClassifierDocument(doc)) return undefined;
    const a = analyses.peek(uri);
    if (a && a.version === doc.version) return { doc, text: a.text, lines: a.lines };
    const text = doc.getText();
    return { doc, text, lines: new LineIndex(text) };
  }

  connection.onCompletion(guarded('completion', log, null, async (p) => {
    const t = textOf(p.textDocument.uri);
    if (!t) return null;
    const offset = toOffset(t.lines, p.position);
    const { schema, classifiers: codes } = await contextFor(p.textDocument.uri);
    const r = complete(t.text, offset, schema, codes, analyses.parserFor(p.textDocument.uri));
    const range = toRange(t.lines, r.replaceStart, offset);
    return {
      isIncomplete: r.items.length >= 300,
      items: r.items.map((e, i): CompletionItem => ({
        label: e.label, kind: COMPLETION_KIND[e.kind], detail: e.detail,
        documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
        sortText: String(i).padStart(5, '0'),
        textEdit: { range, newText: e.insertText ?? e.label },
      })),
    };
  }));

  connection.onHover(guarded('hover', log, null, async (p) => {
    const t = textOf(p.textDocument.uri);
    if (!t) return null;
    const { schema, classifiers: codes } = await contextFor(p.textDocument.uri);
    const h = hover(t.text, toOffset(t.lines, p.position), schema, codes, await langFor(p.textDocument.uri), analyses.parserFor(p.textDocument.uri));
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(t.lines, h.start, h.end) } : null;
  }));

  connection.onDefinition(guarded('definition', log, null, async (p) => {
    const t = textOf(p.textDocument.uri);
    if (!t) return null;
    const { schema } = await contextFor(p.textDocument.uri);
    if (!schema) return null;
    const d = definition(t.text, toOffset(t.lines, p.position), schema);
    if (!d) return null;
    if (d.kind === 'file') return { uri: pathToFileURL(d.location.file).toString(), range: { start: d.location.start, end: d.location.end } };
    return { uri: d.uri, range: { start: { line: d.line, character: 0 }, end: { line: d.line, character: 0 } } };
  }));

  connection.onRequest(SchemaDocumentRequest.method, guarded('schemaDocument', log, { text: '' }, async (p: SchemaDocumentRequest.Params): Promise<SchemaDocumentRequest.Result> => {
    const id = parseSchemaUri(p.uri);
    if (!id) return { text: '' };
    for (const l of await Promise.all(schemas.all())) {
      const table = l.result?.schema.findTable(id.name, id.schema);
      if (table) return { text: generateTableDdl(table).text };
    }
    return { text: `-- ${msg(estonian ? 'et' : 'en', 'notInSchema', `${id.schema}.${id.name}`)}\n` };
  }));

  // References by resolution (the table or column the name is bound to, not every word with that name),
  // in the open documents and the workspace's .sql files.
  connection.onReferences(guarded('references', log, [] as Location[], async (p) => {
    const a = await analyze(p.textDocument.uri);
    if (!a?.schema) return [];
    const offset = toOffset(a.lines, p.position);
    // The resolver binds complete statements; mid-edit text falls back to the name under the cursor.
    const target = resolvedSymbolAt(a.result.resolution, offset, a.schema) ?? symbolAt(a.text, offset, a.schema);
    if (!target) return [];
    const out: Location[] = [];
    const add = (uri: string, lines: LineIndex, res: Resolution, schema: Schema) => {
      for (const r of resolvedReferences(res, target, schema)) out.push({ uri, range: toRange(lines, r.start, r.end) });
    };
    const open = new Set<string>();
    for (const d of documents.all()) {
      const da = await analyze(d.uri);
      if (!da?.schema) continue;
      open.add(d.uri);
      add(d.uri, da.lines, da.result.resolution, da.schema);
    }
    const want = (target.column ?? target.table.name).toLowerCase();
    for (const f of await listSqlFiles(folders)) {
      const uri = pathToFileURL(f).toString();
      if (open.has(uri)) continue;
      let text: string;
      try { text = decodeSqlFile(await fs.readFile(f)); } catch { continue; }
      // Cheap pre-check: most files don't mention the name at all.
      if (!text.toLowerCase().includes(want)) continue;
      const { schema } = await contextFor(uri);
      if (!schema) continue;
      add(uri, new LineIndex(text), resolveScript(parseScript(text), schema), schema);
      await new Promise((res) => setImmediate(res)); // keep answering while a big workspace is searched
    }
    if (p.context?.includeDeclaration) {
      const loc = target.column ? a.schema.findColumn(target.table, target.column)?.location : target.table.location;
      if (loc?.file) out.unshift({ uri: pathToFileURL(loc.file).toString(), range: { start: loc.start, end: loc.end } });
    }
    return out;
  }));

  connection.onDocumentSymbol(guarded('documentSymbol', log, [], async (p) => {
    const cdoc = documents.get(p.textDocument.uri);
    if (cdoc && isClassifierDocument(cdoc)) return classifiers.symbols(cdoc);
    const a = await analyze(p.textDocument.uri);
    return a ? documentSymbols(a.text, a.result.script).map((s) => toDocumentSymbol(a.lines, s)) : [];
  }));

  connection.onFoldingRanges(guarded('foldingRanges', log, [], async (p) => {
    const cdoc = documents.get(p.textDocument.uri);
    if (cdoc && isClassifierDocument(cdoc)) return classifiers.foldingRanges(cdoc);
    const a = await analyze(p.textDocument.uri);
    return a ? foldingRanges(a.result.script, a.lines).map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : f.kind === 'region' ? FoldingRangeKind.Region : undefined })) : [];
  }));

  connection.onSignatureHelp(guarded('signatureHelp', log, null, (p) => {
    const t = textOf(p.textDocument.uri);
    if (!t) return null;
    const s = signatureHelp(t.text, toOffset(t.lines, p.position));
    return s ? { signatures: [{ label: s.label, documentation: s.documentation, parameters: s.parameters.map((x) => ({ label: x })) }], activeSignature: 0, activeParameter: s.activeParameter } : null;
  }));

  connection.onCodeAction(guarded('codeAction', log, [] as CodeAction[], async (p) => {
    const kdoc = documents.get(p.textDocument.uri);
    if (kdoc && isClassifierDocument(kdoc)) return classifiers.codeActions(kdoc, p.range, p.context.diagnostics, (await settings.get(p.textDocument.uri)).estonian);
    const a = await analyze(p.textDocument.uri);
    if (!a) return [];
    const start = toOffset(a.lines, p.range.start);
    const end = toOffset(a.lines, p.range.end);
    const findings: FindingLike[] = a.result.findings;
    const diagnostics = p.context.diagnostics;
    return codeActions(a.text, { start, end }, findings, a.schema, await langFor(p.textDocument.uri)).map((c): CodeAction => ({
      title: c.title, kind: c.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite, isPreferred: c.preferred,
      diagnostics: c.fixes ? diagnostics.filter((d: { code?: number | string }) => d.code === c.fixes) : undefined,
      edit: { changes: { [p.textDocument.uri]: c.edits.map((e) => ({ range: toRange(a.lines, e.start, e.end), newText: e.newText })) } },
    }));
  }));

  // Only classifier files have a formatter; SQL documents get no edits.
  connection.onDocumentFormatting(guarded('formatting', log, [], (p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc && isClassifierDocument(doc) ? classifiers.format(doc) : [];
  }));

  connection.onRequest(ClassifierDeploySqlRequest.method, guarded('classifierDeploySql', log, { error: 'internal error' } as ClassifierDeploySqlRequest.Result,
    async (p: ClassifierDeploySqlRequest.Params): Promise<ClassifierDeploySqlRequest.Result> => {
      const doc = documents.get(p.uri);
      if (!doc || !isClassifierDocument(doc)) return { error: 'not an open classifier document' };
      const { schema } = await contextFor(p.uri);
      const current = documents.get(p.uri);
      return current ? classifiers.deploySql(current, schema) : { error: 'document closed' };
    }));

  connection.onRequest(ClassifierDriftRequest.method, guarded('classifierDrift', log, { missingInFile: 0, missingInDatabase: 0, differs: 0, error: 'internal error' } as ClassifierDriftRequest.Result,
    (p: ClassifierDriftRequest.Params): ClassifierDriftRequest.Result => {
      const doc = documents.get(p.uri);
      if (!doc || !isClassifierDocument(doc)) return { missingInFile: 0, missingInDatabase: 0, differs: 0, error: 'not an open classifier document' };
      const rows = Array.isArray(p.rows) ? p.rows.filter((r) => r && typeof r === 'object' && !Array.isArray(r)) : null;
      const r = classifiers.setRows(doc, rows, p.source);
      scheduler.schedule(p.uri, 0);
      return r;
    }));

  connection.onRequest(CheckWorkspaceRequest.method, guarded('checkWorkspace', log, { files: 0, findings: 0, errors: 0, durationMs: 0 },
    async (p: CheckWorkspaceRequest.Params | undefined): Promise<CheckWorkspaceRequest.Result> => {
      const started = Date.now();
      const roots = p?.folders?.map((u) => uriToPath(u)).filter((x): x is string => !!x) ?? folders;
      const files = await listSqlFiles(roots);
      let findings = 0;
      let errors = 0;
      for (const f of files) {
        const uri = pathToFileURL(f).toString();
        const open = documents.get(uri);
        let text: string;
        try { text = open ? open.getText() : decodeSqlFile(await fs.readFile(f)); } catch { continue; }
        const ctx = await contextFor(uri);
        const r = checkScript(text, ctx);
        const lines = new LineIndex(text);
        const isEt = (await settings.get(uri)).estonian;
        findings += r.findings.length;
        errors += r.findings.filter((x) => x.severity === 'error').length;
        await connection.sendDiagnostics({ uri, diagnostics: r.findings.map((x) => toDiagnostic(lines, x, isEt)) });
        // Yield between files so the server keeps answering while a big workspace is checked.
        await new Promise((res) => setImmediate(res));
      }
      return { files: files.length, findings, errors, durationMs: Date.now() - started };
    }));

  documents.listen(connection);
  connection.onShutdown(() => warmup.dispose());
  connection.listen();
}
