// Parses a classifier definition file (.klass). Line-based and forgiving: a bad line becomes a
// problem and parsing goes on. Every value is text: codes like 01, NO or 1e3 are never converted.

import {
  CLASSIFIER_LANGUAGES,
  VALUE_FIELDS,
  type ClassifierFile,
  type ClassifierHeader,
  type ClassifierLanguage,
  type ClassifierProblem,
  type ClassifierValue,
  type Located,
  type ValueField,
} from './model';

interface Line {
  text: string;
  start: number;
  indented: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13) {
      const raw = text.slice(start, i);
      lines.push({ text: raw, start, indented: /^\s/.test(raw) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/** Splits `keyword rest` and gives the rest's offsets; quoted rest ("a ""b""") is unquoted. */
function keywordAndRest(line: Line): { keyword: Located<string>; rest?: Located<string> } {
  const m = /^(\s*)(\S+)(?:\s+([^]*?))?\s*$/.exec(line.text);
  if (!m) return { keyword: { value: '', range: { start: line.start, end: line.start } } };
  const kwStart = line.start + m[1].length;
  const keyword = { value: m[2], range: { start: kwStart, end: kwStart + m[2].length } };
  if (m[3] === undefined || m[3] === '') return { keyword };
  const restStart = line.start + line.text.indexOf(m[3], m[1].length + m[2].length);
  let value = m[3];
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/""/g, '"');
  return { keyword, rest: { value, range: { start: restStart, end: restStart + m[3].length } } };
}

function isLanguage(s: string): s is ClassifierLanguage {
  return (CLASSIFIER_LANGUAGES as readonly string[]).includes(s);
}

function isField(s: string): s is ValueField {
  return (VALUE_FIELDS as readonly string[]).includes(s);
}

export function parseClassifier(text: string): ClassifierFile {
  const header: ClassifierHeader = { columns: new Map(), languages: undefined };
  const values: ClassifierValue[] = [];
  const problems: ClassifierProblem[] = [];
  const problem = (range: Located<unknown>['range'], code: string, en: string, et: string): void => {
    problems.push({ code, range, message: en, messageEt: et, severity: 'error' });
  };
  let current: ClassifierValue | undefined;
  let pendingComment: string[] = [];

  for (const line of splitLines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      pendingComment.push(trimmed.slice(1).trim());
      continue;
    }
    const { keyword, rest } = keywordAndRest(line);
    const lineRange = { start: line.start, end: line.start + line.text.length };

    if (line.indented) {
      if (!current) {
        problem(lineRange, 'classifier-syntax', 'An indented field must follow a `value CODE` line.', 'Taandatud väli peab järgnema reale `value KOOD`.');
        continue;
      }
      current.range = { start: current.range.start, end: lineRange.end };
      if (keyword.value === 'deprecated') {
        const m = rest ? /^replacedBy[ \t]+(\S+)$/.exec(rest.value) : null;
        if (rest && !m) {
          problem(rest.range, 'classifier-syntax', 'Write `deprecated` or `deprecated replacedBy CODE`.', 'Kirjuta `deprecated` või `deprecated replacedBy KOOD`.');
        }
        current.deprecated = { value: { replacedBy: m?.[1] }, range: lineRange };
        continue;
      }
      if (!isField(keyword.value)) {
        problem(keyword.range, 'classifier-syntax', `Unknown field '${keyword.value}'; expected one of ${VALUE_FIELDS.join(', ')}, deprecated.`, `Tundmatu väli '${keyword.value}'; oodati: ${VALUE_FIELDS.join(', ')}, deprecated.`);
        continue;
      }
      if (!rest) {
        problem(keyword.range, 'classifier-syntax', `Field '${keyword.value}' has no value.`, `Väljal '${keyword.value}' puudub väärtus.`);
        continue;
      }
      if (current.fields.has(keyword.value)) {
        problem(keyword.range, 'classifier-syntax', `Field '${keyword.value}' is given twice for code ${current.code.value}.`, `Väli '${keyword.value}' on koodil ${current.code.value} kaks korda.`);
        continue;
      }
      current.fields.set(keyword.value, rest);
      continue;
    }

    // Top-level line: a header key or the start of a value block.
    if (keyword.value === 'value') {
      if (!rest) {
        problem(keyword.range, 'classifier-syntax', '`value` needs a code.', '`value` vajab koodi.');
        current = undefined;
        continue;
      }
      current = {
        code: rest,
        range: lineRange,
        fields: new Map(),
        comment: pendingComment.length ? pendingComment.join('\n') : undefined,
      };
      pendingComment = [];
      values.push(current);
      continue;
    }
    pendingComment = [];
    if (values.length > 0) {
      problem(keyword.range, 'classifier-syntax', `Header key '${keyword.value}' after the first value; move it to the top.`, `Päisevõti '${keyword.value}' on pärast esimest väärtust; tõsta see üles.`);
      continue;
    }
    if (!rest) {
      problem(keyword.range, 'classifier-syntax', `'${keyword.value}' has no value.`, `'${keyword.value}' väärtus puudub.`);
      continue;
    }
    switch (keyword.value) {
      case 'classifier':
        header.name = rest;
        break;
      case 'table': {
        const parts = rest.value.split('.').map((p) => p.replace(/^\[(.*)\]$/, '$1'));
        if (parts.length > 2 || parts.some((p) => p === '')) {
          problem(rest.range, 'classifier-syntax', 'Write the table as schema.table or table.', 'Kirjuta tabel kujul skeem.tabel või tabel.');
          break;
        }
        header.table = { value: parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[0] }, range: rest.range };
        break;
      }
      case 'key':
        header.key = rest;
        break;
      case 'type': {
        const m = /^(\S+)[ \t]*=[ \t]*(.+)$/.exec(rest.value);
        if (!m) {
          problem(rest.range, 'classifier-syntax', 'Write the type column as `type Column = VALUE`.', 'Kirjuta tüübiveerg kujul `type Veerg = VÄÄRTUS`.');
          break;
        }
        header.typeColumn = { value: { column: m[1], value: m[2].trim() }, range: rest.range };
        break;
      }
      case 'column': {
        const m = /^(\S+)[ \t]+(\S+)$/.exec(rest.value);
        if (!m || !isField(m[1])) {
          problem(rest.range, 'classifier-syntax', `Write \`column FIELD Column\` with FIELD one of ${VALUE_FIELDS.join(', ')}.`, `Kirjuta \`column VÄLI Veerg\`, kus VÄLI on üks järgmistest: ${VALUE_FIELDS.join(', ')}.`);
          break;
        }
        header.columns.set(m[1], { value: m[2], range: rest.range });
        break;
      }
      case 'languages': {
        const langs = rest.value.split(/[\s,]+/).filter(Boolean);
        const bad = langs.filter((l) => !isLanguage(l));
        if (bad.length) {
          problem(rest.range, 'classifier-syntax', `Unknown language ${bad.join(', ')}; use et, en, ru.`, `Tundmatu keel ${bad.join(', ')}; kasuta et, en, ru.`);
        }
        header.languages = { value: langs.filter(isLanguage), range: rest.range };
        break;
      }
      case 'removed':
        if (rest.value !== 'deactivate' && rest.value !== 'delete' && rest.value !== 'keep') {
          problem(rest.range, 'classifier-syntax', 'Write `removed deactivate`, `removed delete` or `removed keep`.', 'Kirjuta `removed deactivate`, `removed delete` või `removed keep`.');
          break;
        }
        header.onRemoved = { value: rest.value, range: rest.range };
        break;
      default:
        problem(keyword.range, 'classifier-syntax', `Unknown header key '${keyword.value}'.`, `Tundmatu päisevõti '${keyword.value}'.`);
    }
  }
  return { header, values, problems };
}
