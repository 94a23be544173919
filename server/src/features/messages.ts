// Server-side user text (code-action titles, hover labels) in English and Estonian: one table.
// The server learns the UI language from the client (InitializeParams.locale or initializationOptions.locale).
export type Lang = 'en' | 'et';

const MESSAGES = {
  didYouMean: { en: "Did you mean '{0}'?", et: "Kas mõtlesite '{0}'?" },
  wrapSelection: { en: 'Wrap selection in the safe fix template', et: 'Mähi valik turvalisse parandusmalli' },
  wrapScript: { en: 'Wrap script in the safe fix template', et: 'Mähi skript turvalisse parandusmalli' },
  addNPrefix: { en: "Add the N prefix (N'...')", et: "Lisa N-eesliide (N'...')" },
  useIsNull: { en: 'Use IS NULL', et: 'Kasuta IS NULL' },
  useIsNotNull: { en: 'Use IS NOT NULL', et: 'Kasuta IS NOT NULL' },
  disableForLine: { en: 'Disable {0} for this line', et: 'Lülita {0} selle rea jaoks välja' },
  primaryKey: { en: 'Primary key', et: 'Primaarvõti' },
  unique: { en: 'Unique', et: 'Unikaalne' },
  foreignKey: { en: 'FK', et: 'Välisvõti' },
  defaultValue: { en: 'Default', et: 'Vaikeväärtus' },
  computed: { en: 'Computed', et: 'Arvutatud' },
  moreColumns: { en: '… {0} more', et: '… veel {0}' },
  personalCode: { en: 'Estonian personal code (isikukood), valid check digit — personal data.', et: 'Eesti isikukood, kontrollnumber õige — isikuandmed.' },
  notInSchema: { en: '{0}: not in the loaded schema', et: '{0}: laaditud skeemis pole' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** The message in the language, `{0}`, `{1}` ... replaced by the arguments. */
export function msg(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  return MESSAGES[key][lang].replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** 'et', 'et-EE', 'ET' -> 'et'; anything else -> 'en'. */
export function langOf(locale: unknown): Lang {
  return typeof locale === 'string' && /^et(?:[-_]|$)/i.test(locale) ? 'et' : 'en';
}

/** Every key has both languages (the table's type enforces it; tests read this). */
export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[];
