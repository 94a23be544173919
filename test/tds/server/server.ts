// A TDS 7.4 test server on 127.0.0.1 that the real mssql/tedious driver talks to without TLS.
// The test decides the answers through a handler; fault knobs: drop, delay, refuse login.

import * as net from 'node:net';
import * as tok from './tokens';
import type { TdsColumn, TdsValue } from './tokens';

export interface LoginInfo {
  user: string;
  password: string;
  database: string;
  appName: string;
  readOnlyIntent: boolean;
}

export interface TdsRequest {
  kind: 'batch' | 'rpc';
  /** Batch text, or the @statement of sp_executesql. */
  sql: string;
  procedure?: string;
  /** sp_executesql's parameter declaration (@params). */
  paramsDeclaration?: string;
  login: LoginInfo;
  connectionId: number;
}

export type TdsReply =
  | { kind: 'result'; columns: TdsColumn[]; rows: TdsValue[][] }
  | { kind: 'done'; rowCount?: number }
  | { kind: 'info'; message: string; number?: number; line?: number; severity?: number }
  | { kind: 'error'; message: string; number?: number; line?: number; severity?: number }
  /** Sends what was queued so far, then destroys the socket. */
  | { kind: 'drop' }
  /** Waits before the next reply; an ATTENTION during the wait ends the request. */
  | { kind: 'delay'; ms: number };

export type TdsHandler = (req: TdsRequest) => TdsReply[] | Promise<TdsReply[]>;

export interface TdsServerOptions {
  handler?: TdsHandler;
  /** Return an error text to refuse the login with error 18456. */
  checkLogin?: (login: LoginInfo) => string | undefined;
}

export interface RecordedRequest extends TdsRequest {
  /** True for the SET options batch tedious sends after login. */
  connectionSetup: boolean;
}

const PKT_PRELOGIN = 0x12;
const PKT_LOGIN7 = 0x10;
const PKT_SQL_BATCH = 0x01;
const PKT_RPC = 0x03;
const PKT_ATTENTION = 0x06;
const PKT_REPLY = 0x04;
const PACKET_SIZE = 4096;

export class TdsTestServer {
  readonly requests: RecordedRequest[] = [];
  readonly logins: LoginInfo[] = [];
  attentions = 0;
  handler: TdsHandler;
  checkLogin?: (login: LoginInfo) => string | undefined;
  private server = net.createServer((s) => this.accept(s));
  private sockets = new Set<net.Socket>();
  private nextId = 1;
  port = 0;

  constructor(options: TdsServerOptions = {}) {
    this.handler = options.handler ?? (() => [{ kind: 'done' }]);
    this.checkLogin = options.checkLogin;
  }

  /** Batches and RPCs the client sent, without tedious's connection setup batch. */
  get statements(): string[] {
    return this.requests.filter((r) => !r.connectionSetup).map((r) => r.sql);
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when `predicate` holds over the recorded requests (tests wait for results, not time). */
  async waitFor(predicate: (r: RecordedRequest[]) => boolean, what = 'condition'): Promise<void> {
    for (let i = 0; i < 2000; i++) {
      if (predicate(this.requests)) return;
      await new Promise((r) => setImmediate(r));
      if (i > 200) await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('TDS test server: timed out waiting for ' + what);
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const conn = new Conn(this, socket, this.nextId++);
    let buf = Buffer.alloc(0);
    let message: Buffer[] = [];
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 8) {
        const len = buf.readUInt16BE(2);
        if (len < 8) {
          socket.destroy();
          return;
        }
        if (buf.length < len) break;
        const type = buf[0];
        const status = buf[1];
        message.push(buf.subarray(8, len));
        buf = buf.subarray(len);
        if (type === PKT_ATTENTION) {
          message = [];
          conn.attention();
          continue;
        }
        if (status & 0x01) {
          const payload = Buffer.concat(message);
          message = [];
          conn.receive(type, payload);
        }
      }
    });
  }
}

class Conn {
  private login?: LoginInfo;
  private queue: Promise<void> = Promise.resolve();
  private cancelled?: () => void;
  private attentionPending = false;

  constructor(private server: TdsTestServer, private socket: net.Socket, private id: number) {}

  attention(): void {
    this.server.attentions++;
    this.attentionPending = true;
    if (this.cancelled) this.cancelled();
    else this.queue = this.queue.then(() => this.ackAttention());
  }

  private ackAttention(): void {
    if (!this.attentionPending) return;
    this.attentionPending = false;
    this.send(tok.done(tok.DONE_ATTN));
  }

  receive(type: number, payload: Buffer): void {
    this.queue = this.queue.then(() => this.handle(type, payload)).catch(() => void this.socket.destroy());
  }

  private send(data: Buffer): void {
    if (this.socket.destroyed) return;
    for (let off = 0, n = 1; off < data.length || off === 0; n++) {
      const chunk = data.subarray(off, off + PACKET_SIZE - 8);
      off += chunk.length;
      const last = off >= data.length;
      const h = Buffer.alloc(8);
      h[0] = PKT_REPLY;
      h[1] = last ? 1 : 0;
      h.writeUInt16BE(chunk.length + 8, 2);
      h[6] = n & 0xff;
      this.socket.write(Buffer.concat([h, chunk]));
      if (last) break;
    }
  }

  private async handle(type: number, payload: Buffer): Promise<void> {
    if (type === PKT_PRELOGIN) return this.send(prelogin());
    if (type === PKT_LOGIN7) return this.handleLogin(payload);
    if (!this.login) return void this.socket.destroy();
    if (type === PKT_SQL_BATCH || type === PKT_RPC) {
      const req = type === PKT_SQL_BATCH ? parseBatch(payload, this.login, this.id) : parseRpc(payload, this.login, this.id);
      const connectionSetup = req.kind === 'batch' && this.server.requests.every((r) => r.connectionId !== this.id) && /^set \w+/i.test(req.sql.trim());
      this.server.requests.push({ ...req, connectionSetup });
      if (connectionSetup) return this.send(tok.done(0));
      // mssql's pool validates each connection it hands out with this statement.
      if (req.sql.trim() === 'SELECT 1;') {
        this.server.requests[this.server.requests.length - 1].connectionSetup = true;
        return this.reply(req, [{ kind: 'result', columns: [{ name: '', type: 'int' }], rows: [[1]] }]);
      }
      let replies: TdsReply[];
      try {
        replies = await this.server.handler(req);
      } catch (e) {
        replies = [{ kind: 'error', message: String(e), number: 50000 }];
      }
      return this.reply(req, replies);
    }
  }

  private handleLogin(payload: Buffer): void {
    const login = parseLogin7(payload);
    this.server.logins.push(login);
    const refusal = this.server.checkLogin?.(login);
    if (refusal !== undefined) {
      this.send(Buffer.concat([
        tok.message('error', { number: 18456, state: 1, severity: 14, message: refusal || `Login failed for user '${login.user}'.` }),
        tok.done(tok.DONE_ERROR, 0, 0xfd, 0),
      ]));
      return;
    }
    this.login = login;
    this.send(Buffer.concat([
      tok.envChange(1, login.database || 'master', 'master'),
      tok.message('info', { number: 5701, state: 2, severity: 0, message: `Changed database context to '${login.database || 'master'}'.` }),
      tok.envChangeCollation(),
      tok.loginAck(),
      tok.envChange(4, String(PACKET_SIZE), String(PACKET_SIZE)),
      tok.done(0, 0, 0xfd, 0),
    ]));
  }

  private async reply(req: TdsRequest, replies: TdsReply[]): Promise<void> {
    const rpc = req.kind === 'rpc';
    const out: Buffer[] = [];
    let failed = false;
    for (const r of replies) {
      if (r.kind === 'drop') {
        this.send(Buffer.concat(out));
        this.socket.destroy();
        return;
      }
      if (r.kind === 'delay') {
        const attended = await new Promise<boolean>((resolve) => {
          const t = setTimeout(() => resolve(false), r.ms);
          this.cancelled = () => {
            clearTimeout(t);
            resolve(true);
          };
        });
        this.cancelled = undefined;
        if (attended || this.attentionPending) {
          this.attentionPending = false;
          // The interrupted response ends in its own message; the acknowledgement follows in the next.
          this.send(Buffer.concat([...out, tok.done(0)]));
          this.send(tok.done(tok.DONE_ATTN));
          return;
        }
        continue;
      }
      const doneToken = rpc ? 0xff : 0xfd;
      if (r.kind === 'result') {
        out.push(tok.colMetadata(r.columns), ...r.rows.map((row) => tok.row(r.columns, row)));
        out.push(tok.done(tok.DONE_MORE | tok.DONE_COUNT, r.rows.length, doneToken));
      } else if (r.kind === 'done') {
        out.push(tok.done(tok.DONE_MORE | (r.rowCount !== undefined ? tok.DONE_COUNT : 0), r.rowCount ?? 0, doneToken));
      } else if (r.kind === 'info') {
        out.push(tok.message('info', { number: r.number ?? 0, message: r.message, line: r.line, severity: r.severity ?? 0 }));
      } else {
        failed = true;
        out.push(tok.message('error', { number: r.number ?? 50000, message: r.message, line: r.line, severity: r.severity ?? 16 }));
        out.push(tok.done(tok.DONE_MORE | tok.DONE_ERROR, 0, doneToken));
      }
    }
    if (rpc) out.push(Buffer.from([0x79, 0, 0, 0, 0]), tok.done(failed ? tok.DONE_ERROR : 0, 0, 0xfe));
    else out.push(tok.done(failed ? tok.DONE_ERROR : 0));
    if (this.attentionPending) {
      this.attentionPending = false;
      out.push(tok.done(tok.DONE_ATTN));
    }
    this.send(Buffer.concat(out));
  }
}

function prelogin(): Buffer {
  // VERSION (6 bytes) and ENCRYPTION = NOT_SUP, so tedious with encrypt:false proceeds without TLS.
  const header = Buffer.from([0x00, 0, 11, 0, 6, 0x01, 0, 17, 0, 1, 0xff]);
  const version = Buffer.from([16, 0, 0x0f, 0xa0, 0, 0]);
  return Buffer.concat([header, version, Buffer.from([0x02])]);
}

export function parseLogin7(p: Buffer): LoginInfo {
  const str = (at: number) => {
    const off = p.readUInt16LE(at);
    const len = p.readUInt16LE(at + 2);
    return p.subarray(off, off + len * 2);
  };
  const pw = Buffer.from(str(44));
  for (let i = 0; i < pw.length; i++) {
    const x = pw[i] ^ 0xa5;
    pw[i] = ((x & 0x0f) << 4) | (x >> 4);
  }
  return {
    user: str(40).toString('ucs2'),
    password: pw.toString('ucs2'),
    appName: str(48).toString('ucs2'),
    database: str(68).toString('ucs2'),
    readOnlyIntent: (p[26] & 0x20) !== 0,
  };
}

function skipAllHeaders(p: Buffer): number {
  return p.length >= 4 ? p.readUInt32LE(0) : 0;
}

function parseBatch(p: Buffer, login: LoginInfo, id: number): TdsRequest {
  return { kind: 'batch', sql: p.subarray(skipAllHeaders(p)).toString('ucs2'), login, connectionId: id };
}

/** Reads an NVARCHAR parameter value (plain or PLP) at `o`; returns the text and the next offset. */
function readNVarcharParam(p: Buffer, o: number): [string, number] {
  const type = p[o++];
  if (type !== 0xe7 && type !== 0xef) throw new Error('unsupported param type ' + type);
  const maxLen = p.readUInt16LE(o);
  o += 2 + 5; // max length, collation
  if (maxLen === 0xffff) {
    const total = p.readBigUInt64LE(o);
    o += 8;
    if (total === 0xffffffffffffffffn) return ['', o];
    const parts: Buffer[] = [];
    for (;;) {
      const n = p.readUInt32LE(o);
      o += 4;
      if (n === 0) break;
      parts.push(p.subarray(o, o + n));
      o += n;
    }
    return [Buffer.concat(parts).toString('ucs2'), o];
  }
  const n = p.readUInt16LE(o);
  o += 2;
  if (n === 0xffff) return ['', o];
  return [p.subarray(o, o + n).toString('ucs2'), o + n];
}

function parseRpc(p: Buffer, login: LoginInfo, id: number): TdsRequest {
  let o = skipAllHeaders(p);
  let procedure: string;
  if (p.readUInt16LE(o) === 0xffff) {
    const procId = p.readUInt16LE(o + 2);
    procedure = procId === 10 ? 'sp_executesql' : 'proc#' + procId;
    o += 4;
  } else {
    const n = p.readUInt16LE(o);
    procedure = p.subarray(o + 2, o + 2 + n * 2).toString('ucs2');
    o += 2 + n * 2;
  }
  o += 2; // option flags
  const req: TdsRequest = { kind: 'rpc', sql: '', procedure, login, connectionId: id };
  if (procedure.toLowerCase() !== 'sp_executesql') return req;
  const readParam = (): string => {
    const nameLen = p[o];
    o += 1 + nameLen * 2 + 1; // name, status flags
    const [text, next] = readNVarcharParam(p, o);
    o = next;
    return text;
  };
  try {
    req.sql = readParam();
    req.paramsDeclaration = readParam();
  } catch {
    // Further parameters are not decoded; the statement text is what tests assert on.
  }
  return req;
}
