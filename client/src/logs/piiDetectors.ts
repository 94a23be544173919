// Detectors of personal data in log text: personal codes, IBANs, e-mails, Estonian phones, payment cards.
import { isPersonalCode, maskPersonalCode } from '../../../server/src/domain/personalCode';

export type PiiKind = 'personalCode' | 'iban' | 'email' | 'phone' | 'card';

export interface PiiHit {
  readonly kind: PiiKind;
  readonly offset: number;
  readonly length: number;
  /** Masked value; the raw value is never kept in a hit. */
  readonly masked: string;
  /** 0..1: how sure we are, raised by context words (isikukood, IK, PersonCode, property names). */
  readonly score: number;
}

const CONTEXT: Readonly<Record<PiiKind, RegExp>> = {
  personalCode: /isikukood|\bik\b|personcode|personalcode|idcode|isikukoodi|socialsecurity|ssn|"?(kood|code)"?\s*[:=]/i,
  iban: /iban|konto|account|arveldus/i,
  email: /e-?mail|e-?post|meil/i,
  phone: /telefon|phone|tel\b|mobiil|gsm/i,
  card: /card|kaart|pan\b|visa|mastercard/i,
};

function context(text: string, offset: number, length: number): string {
  return text.slice(Math.max(0, offset - 40), Math.min(text.length, offset + length + 10));
}

function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) { n *= 2; if (n > 9) n -= 9; }
    sum += n;
  }
  return sum % 10 === 0;
}

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  if (s.startsWith('EE') && s.length !== 20) return false;
  const r = s.slice(4) + s.slice(0, 4);
  let mod = 0;
  for (const ch of r) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const c of v) mod = (mod * 10 + (c.charCodeAt(0) - 48)) % 97;
  }
  return mod === 1;
}

export function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  return s.split('').map((c, i) => (i < keepStart || i >= s.length - keepEnd || !/[A-Za-z0-9]/.test(c) ? c : '*')).join('');
}

function maskEmail(s: string): string {
  const at = s.indexOf('@');
  return s.slice(0, 1) + '***@' + s.slice(at + 1).replace(/^[^.]+/, (d) => d.slice(0, 1) + '***');
}

/** True when the digit run sits inside a GUID-like or hex token (its neighbours are hex letters or dashes of a GUID). */
function insideGuidOrHex(text: string, offset: number, length: number): boolean {
  const before = text.slice(Math.max(0, offset - 36), offset);
  const after = text.slice(offset + length, offset + length + 36);
  return /[0-9a-fA-F-]$/.test(before) && /[0-9a-fA-F]{4,}-?$/.test(before.slice(-9)) ||
    /^[a-fA-F]/.test(after) || /[a-fA-F]$/.test(before) || /^-[0-9a-fA-F]{4}-/.test(after);
}

const RE = /(?<![\w.@+-])(?:([1-8]\d{10})(?![\w])|([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?![A-Za-z0-9])|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})|((?:\+372|00372)[ -]?[3-9]\d{2,3}[ -]?\d{3,4})(?!\d)|(\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7})(?![\w]))/g;

/** Finds personal data in a piece of text. */
export function detectPii(text: string): PiiHit[] {
  const out: PiiHit[] = [];
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    const offset = m.index;
    const v = m[0];
    let kind: PiiKind | undefined;
    let masked = '';
    let base = 0;
    if (m[1] !== undefined) {
      if (!isPersonalCode(v) || insideGuidOrHex(text, offset, v.length)) continue;
      kind = 'personalCode'; masked = maskPersonalCode(v); base = 0.4;
    } else if (m[2] !== undefined) {
      if (!ibanValid(v)) continue;
      kind = 'iban'; masked = maskMiddle(v, 4, 2); base = 0.9;
    } else if (m[3] !== undefined) {
      kind = 'email'; masked = maskEmail(v); base = 0.8;
    } else if (m[4] !== undefined) {
      kind = 'phone'; masked = maskMiddle(v, 5, 2); base = 0.7;
    } else if (m[5] !== undefined) {
      const d = v.replace(/[ -]/g, '');
      if (d.length < 13 || d.length > 19 || !luhn(d) || insideGuidOrHex(text, offset, v.length)) continue;
      kind = 'card'; masked = maskMiddle(v, 0, 4); base = 0.5;
    }
    if (!kind) continue;
    const score = CONTEXT[kind].test(context(text, offset, v.length)) ? Math.min(1, base + 0.5) : base;
    out.push({ kind, offset, length: v.length, masked, score });
  }
  return out;
}

/** Replaces every detected value with its mask. */
export function maskPii(text: string): string {
  const hits = detectPii(text);
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.offset) + h.masked;
    at = h.offset + h.length;
  }
  return out + text.slice(at);
}
