// TDS 7.4 token encoders (MS-TDS 2.2.7) for the test server. Only what tedious needs to decode results.

export type TdsType =
  | 'int' | 'bigint' | 'smallint' | 'tinyint' | 'bit' | 'nvarchar' | 'varchar' | 'nvarchar(max)'
  | 'datetime2' | 'datetime' | 'decimal' | 'varbinary';

export interface TdsColumn {
  name: string;
  type: TdsType;
  /** decimal only */
  precision?: number;
  scale?: number;
}

export type TdsValue = number | bigint | string | boolean | Date | Buffer | null | undefined;

/** Latin1_General_CI_AS */
export const COLLATION = Buffer.from([0x09, 0x04, 0xd0, 0x00, 0x34]);

export const DONE_MORE = 0x01;
export const DONE_ERROR = 0x02;
export const DONE_COUNT = 0x10;
export const DONE_ATTN = 0x20;

export function bVarchar(s: string): Buffer {
  const b = Buffer.from(s, 'ucs2');
  return Buffer.concat([Buffer.from([s.length]), b]);
}

export function usVarchar(s: string): Buffer {
  const len = Buffer.alloc(2);
  len.writeUInt16LE(s.length);
  return Buffer.concat([len, Buffer.from(s, 'ucs2')]);
}

function withLength16(type: number, body: Buffer): Buffer {
  const h = Buffer.alloc(3);
  h[0] = type;
  h.writeUInt16LE(body.length, 1);
  return Buffer.concat([h, body]);
}

export function loginAck(tdsVersion = 0x74000004): Buffer {
  const v = Buffer.alloc(5);
  v[0] = 1; // SQL_TSQL interface
  v.writeUInt32BE(tdsVersion, 1);
  return withLength16(0xad, Buffer.concat([v, bVarchar('Microsoft SQL Server'), Buffer.from([16, 0, 0x0f, 0xa0])]));
}

export function envChange(type: number, newValue: string, oldValue = ''): Buffer {
  return withLength16(0xe3, Buffer.concat([Buffer.from([type]), bVarchar(newValue), bVarchar(oldValue)]));
}

export function envChangeCollation(): Buffer {
  return withLength16(0xe3, Buffer.concat([Buffer.from([7, COLLATION.length]), COLLATION, Buffer.from([0])]));
}

export function done(status: number, rowCount = 0, token = 0xfd, curCmd = 0xc1): Buffer {
  const b = Buffer.alloc(13);
  b[0] = token;
  b.writeUInt16LE(status, 1);
  b.writeUInt16LE(curCmd, 3);
  b.writeBigUInt64LE(BigInt(rowCount), 5);
  return b;
}

export function message(
  kind: 'error' | 'info',
  m: { number: number; message: string; state?: number; severity?: number; line?: number; proc?: string },
): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt32LE(m.number, 0);
  head[4] = m.state ?? 1;
  head[5] = m.severity ?? (kind === 'error' ? 16 : 0);
  const line = Buffer.alloc(4);
  line.writeUInt32LE(m.line ?? 1);
  const body = Buffer.concat([head, usVarchar(m.message), bVarchar('tds-test'), bVarchar(m.proc ?? ''), line]);
  return withLength16(kind === 'error' ? 0xaa : 0xab, body);
}

function typeInfo(c: TdsColumn): Buffer {
  switch (c.type) {
    case 'int': return Buffer.from([0x26, 4]);
    case 'bigint': return Buffer.from([0x26, 8]);
    case 'smallint': return Buffer.from([0x26, 2]);
    case 'tinyint': return Buffer.from([0x26, 1]);
    case 'bit': return Buffer.from([0x68, 1]);
    case 'nvarchar': return Buffer.concat([Buffer.from([0xe7, 0x40, 0x1f]), COLLATION]); // 8000 bytes
    case 'nvarchar(max)': return Buffer.concat([Buffer.from([0xe7, 0xff, 0xff]), COLLATION]);
    case 'varchar': return Buffer.concat([Buffer.from([0xa7, 0x40, 0x1f]), COLLATION]);
    case 'varbinary': return Buffer.from([0xa5, 0x40, 0x1f]);
    case 'datetime2': return Buffer.from([0x2a, 7]);
    case 'datetime': return Buffer.from([0x6f, 8]);
    case 'decimal': return Buffer.from([0x6a, 17, c.precision ?? 18, c.scale ?? 0]);
  }
}

export function colMetadata(columns: TdsColumn[]): Buffer {
  const parts: Buffer[] = [Buffer.from([0x81, columns.length & 0xff, columns.length >> 8])];
  for (const c of columns) {
    const head = Buffer.alloc(6);
    head.writeUInt16LE(0x0001 | 0x0008, 4); // nullable, updateable-unknown
    parts.push(head, typeInfo(c), bVarchar(c.name));
  }
  return Buffer.concat(parts);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function intN(v: TdsValue, size: number): Buffer {
  if (v === null || v === undefined) return Buffer.from([0]);
  const b = Buffer.alloc(size + 1);
  b[0] = size;
  const n = typeof v === 'bigint' ? v : BigInt(Number(v));
  if (size === 8) b.writeBigInt64LE(n, 1);
  else if (size === 4) b.writeInt32LE(Number(n), 1);
  else if (size === 2) b.writeInt16LE(Number(n), 1);
  else b.writeUInt8(Number(n), 1);
  return b;
}

const DAY_MS = 86_400_000;

function encodeValue(c: TdsColumn, v: TdsValue): Buffer {
  switch (c.type) {
    case 'int': return intN(v, 4);
    case 'bigint': return intN(v, 8);
    case 'smallint': return intN(v, 2);
    case 'tinyint': return intN(v, 1);
    case 'bit': return v === null || v === undefined ? Buffer.from([0]) : Buffer.from([1, v ? 1 : 0]);
    case 'nvarchar':
    case 'varchar':
    case 'varbinary': {
      if (v === null || v === undefined) return u16(0xffff);
      const data = Buffer.isBuffer(v) ? v : Buffer.from(String(v), c.type === 'nvarchar' ? 'ucs2' : 'latin1');
      return Buffer.concat([u16(data.length), data]);
    }
    case 'nvarchar(max)': {
      if (v === null || v === undefined) return Buffer.alloc(8, 0xff);
      const data = Buffer.from(String(v), 'ucs2');
      const total = Buffer.alloc(8);
      total.writeBigUInt64LE(BigInt(data.length));
      const chunk = Buffer.alloc(4);
      chunk.writeUInt32LE(data.length);
      return Buffer.concat(data.length ? [total, chunk, data, Buffer.alloc(4)] : [total, Buffer.alloc(4)]);
    }
    case 'datetime2': {
      if (v === null || v === undefined) return Buffer.from([0]);
      const d = v instanceof Date ? v : new Date(String(v));
      const ms = d.getTime();
      const days = Math.floor(ms / DAY_MS) + 719162; // 0001-01-01 .. 1970-01-01
      const ticks = BigInt(ms - Math.floor(ms / DAY_MS) * DAY_MS) * 10_000n; // 100 ns units
      const b = Buffer.alloc(9);
      b[0] = 8;
      b.writeUIntLE(Number(ticks & 0xffffffffffn), 1, 5);
      b.writeUIntLE(days, 6, 3);
      return b;
    }
    case 'datetime': {
      if (v === null || v === undefined) return Buffer.from([0]);
      const d = v instanceof Date ? v : new Date(String(v));
      const ms = d.getTime();
      const days = Math.floor(ms / DAY_MS) + 25567; // 1900-01-01 .. 1970-01-01
      const b = Buffer.alloc(9);
      b[0] = 8;
      b.writeInt32LE(days, 1);
      b.writeUInt32LE(Math.round(((ms - Math.floor(ms / DAY_MS) * DAY_MS) * 300) / 1000), 5);
      return b;
    }
    case 'decimal': {
      if (v === null || v === undefined) return Buffer.from([0]);
      const scale = c.scale ?? 0;
      const [ip, fp = ''] = String(v).replace('-', '').split('.');
      const n = BigInt(ip + fp.padEnd(scale, '0').slice(0, scale));
      const b = Buffer.alloc(18);
      b[0] = 17;
      b[1] = String(v).startsWith('-') ? 0 : 1;
      b.writeBigUInt64LE(n & 0xffffffffffffffffn, 2);
      b.writeBigUInt64LE(n >> 64n, 10);
      return b;
    }
  }
}

export function row(columns: TdsColumn[], values: TdsValue[]): Buffer {
  return Buffer.concat([Buffer.from([0xd1]), ...columns.map((c, i) => encodeValue(c, values[i]))]);
}
