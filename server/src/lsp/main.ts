// Language server entry (bundled to dist/server.js), speaking LSP over stdio.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Small debounce (5 ms, measured: 20 ms missed the target) within a burst of changes; a change after a pause is checked at once (diagnosticsScheduler.ts). Target: diagnostics within 50 ms of a keystroke (p95, 1,000 lines).
const delay = Number(process.env.ETAITUR_DIAGNOSTICS_DELAY_MS ?? 5);
const connection = createConnection(ProposedFeatures.all);
// Nothing may take the process down: log and keep answering.
process.on('uncaughtException', (e) => { try { connection.console.error(`uncaught: ${e.stack ?? e.message}`); } catch { /* ignore */ } });
process.on('unhandledRejection', (e) => { try { connection.console.error(`unhandled rejection: ${String(e)}`); } catch { /* ignore */ } });
// ETAITUR_INCREMENTAL_PARSE=0 parses every version in full, ETAITUR_WARMUP_MS=0 skips the idle warm-up (the bench's A/B comparisons).
const warmupMs = Number(process.env.ETAITUR_WARMUP_MS ?? 1500);
startServer(connection, {
  diagnosticsDelayMs: Number.isFinite(delay) && delay >= 0 ? delay : 5,
  incrementalParse: process.env.ETAITUR_INCREMENTAL_PARSE !== '0',
  warmupMs: Number.isFinite(warmupMs) && warmupMs >= 0 ? warmupMs : 1500,
});
