// Estonian personal identification code (isikukood): GYYMMDDSSSC, see shared domain notes.

export interface PersonalCodeInfo {
  readonly code: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string; // YYYY-MM-DD
}

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];

export function personalCodeCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (first10.charCodeAt(i) - 48) * WEIGHTS_1[i];
  let check = sum % 11;
  if (check !== 10) return check;
  sum = 0;
  for (let i = 0; i < 10; i++) sum += (first10.charCodeAt(i) - 48) * WEIGHTS_2[i];
  check = sum % 11;
  return check === 10 ? 0 : check;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses an 11-digit string; undefined unless century, birth date and check digit are all valid. */
export function parsePersonalCode(code: string): PersonalCodeInfo | undefined {
  if (code.length !== 11) return undefined;
  for (let i = 0; i < 11; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const g = code.charCodeAt(0) - 48;
  if (g < 1 || g > 8) return undefined;
  const century = 1800 + Math.floor((g - 1) / 2) * 100;
  const year = century + Number(code.slice(1, 3));
  const month = Number(code.slice(3, 5));
  const day = Number(code.slice(5, 7));
  if (month < 1 || month > 12 || day < 1) return undefined;
  const maxDay = month === 2 && isLeap(year) ? 29 : DAYS[month - 1];
  if (day > maxDay) return undefined;
  if (personalCodeCheckDigit(code.slice(0, 10)) !== code.charCodeAt(10) - 48) return undefined;
  return {
    code,
    sex: g % 2 === 1 ? 'male' : 'female',
    birthDate: `${year}-${code.slice(3, 5)}-${code.slice(5, 7)}`,
  };
}

export function isPersonalCode(code: string): boolean {
  return parsePersonalCode(code) !== undefined;
}

/** Masks a personal code for display: keeps the first digit, hides the rest ("3**********"). */
export function maskPersonalCode(code: string): string {
  return code.slice(0, 1) + '*'.repeat(Math.max(0, code.length - 1));
}

/** Replaces every valid personal code inside free text with its mask. */
export function maskPersonalCodesInText(text: string): string {
  return text.replace(/(?<![0-9])[1-8][0-9]{10}(?![0-9])/g, (m) => (isPersonalCode(m) ? maskPersonalCode(m) : m));
}
