// Signature help for common built-in functions, read from the text before the cursor.
export interface SignatureEntry { label: string; parameters: string[]; documentation: string; activeParameter: number }

const SIGNATURES: Record<string, { params: string[]; doc: string }> = {
  CONVERT: { params: ['data_type', 'expression', 'style'], doc: 'Converts an expression to a data type; style formats dates (e.g. 104 = dd.mm.yyyy).' },
  CAST: { params: ['expression AS data_type'], doc: 'Converts an expression to a data type.' },
  TRY_CAST: { params: ['expression AS data_type'], doc: 'Like CAST, NULL when the conversion fails.' },
  TRY_CONVERT: { params: ['data_type', 'expression', 'style'], doc: 'Like CONVERT, NULL when the conversion fails.' },
  DATEADD: { params: ['datepart', 'number', 'date'], doc: 'Adds number datepart units to date.' },
  DATEDIFF: { params: ['datepart', 'startdate', 'enddate'], doc: 'Count of datepart boundaries crossed between two dates.' },
  DATEPART: { params: ['datepart', 'date'], doc: 'An integer part of a date.' },
  DATEFROMPARTS: { params: ['year', 'month', 'day'], doc: 'A date from its parts.' },
  EOMONTH: { params: ['start_date', 'month_to_add'], doc: 'Last day of the month.' },
  ISNULL: { params: ['check_expression', 'replacement_value'], doc: 'replacement_value when check_expression is NULL (type of the first argument).' },
  COALESCE: { params: ['expression1', 'expression2', '...'], doc: 'The first non-NULL argument.' },
  NULLIF: { params: ['expression1', 'expression2'], doc: 'NULL when both are equal, else the first.' },
  IIF: { params: ['boolean_expression', 'true_value', 'false_value'], doc: 'Inline IF.' },
  FORMAT: { params: ['value', 'format', 'culture'], doc: "Formats with a .NET format string, e.g. FORMAT(d, 'dd.MM.yyyy', 'et-EE'). Slow on many rows." },
  SUBSTRING: { params: ['expression', 'start', 'length'], doc: 'Part of a string; start is 1-based.' },
  CHARINDEX: { params: ['expressionToFind', 'expressionToSearch', 'start_location'], doc: '1-based position, 0 if not found.' },
  LEFT: { params: ['character_expression', 'integer_expression'], doc: 'Leftmost characters.' },
  RIGHT: { params: ['character_expression', 'integer_expression'], doc: 'Rightmost characters.' },
  REPLACE: { params: ['string_expression', 'string_pattern', 'string_replacement'], doc: 'Replaces all occurrences.' },
  STUFF: { params: ['character_expression', 'start', 'length', 'replace_with'], doc: 'Deletes length characters at start and inserts replace_with.' },
  LEN: { params: ['string_expression'], doc: 'Characters, without trailing spaces.' },
  LTRIM: { params: ['character_expression'], doc: 'Removes leading spaces.' },
  RTRIM: { params: ['character_expression'], doc: 'Removes trailing spaces.' },
  TRIM: { params: ['characters FROM string'], doc: 'Removes spaces (or characters) from both ends.' },
  UPPER: { params: ['character_expression'], doc: 'Upper case.' },
  LOWER: { params: ['character_expression'], doc: 'Lower case.' },
  ROUND: { params: ['numeric_expression', 'length', 'function'], doc: 'Rounds to length decimals.' },
  ABS: { params: ['numeric_expression'], doc: 'Absolute value.' },
  STRING_AGG: { params: ['expression', 'separator'], doc: 'Concatenates values with a separator.' },
  CONCAT: { params: ['string_value1', 'string_value2', '...'], doc: 'Concatenates; NULL counts as empty.' },
  ROW_NUMBER: { params: [], doc: 'ROW_NUMBER() OVER (ORDER BY ...)' },
  OBJECT_ID: { params: ["N'object_name'", "N'object_type'"], doc: "Object id or NULL, e.g. OBJECT_ID(N'tempdb..#t')." },
};

export function signatureHelp(text: string, offset: number): SignatureEntry | undefined {
  let depth = 0;
  let commas = 0;
  let inString = false;
  const limit = Math.max(0, offset - 2000);
  for (let i = Math.min(offset, text.length) - 1; i >= limit; i--) {
    const c = text[i];
    if (c === "'") { inString = !inString; continue; }
    if (inString) continue;
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth > 0) { depth--; continue; }
      const m = /([\p{L}_][\p{L}\p{N}_]*)\s*$/u.exec(text.slice(Math.max(0, i - 64), i));
      if (!m) return undefined;
      const name = m[1].toUpperCase();
      const sig = SIGNATURES[name];
      if (!sig) return undefined;
      return { label: `${name}(${sig.params.join(', ')})`, parameters: sig.params, documentation: sig.doc, activeParameter: Math.min(commas, Math.max(0, sig.params.length - 1)) };
    } else if (c === ',' && depth === 0) commas++;
    else if (c === ';') return undefined;
  }
  return undefined;
}
