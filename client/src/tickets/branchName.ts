// Branch names from a template such as "{key}-{slug}", Estonian letters transliterated.

const TRANSLIT: Record<string, string> = { õ: 'o', ä: 'a', ö: 'o', ü: 'u', š: 's', ž: 'z', Õ: 'O', Ä: 'A', Ö: 'O', Ü: 'U', Š: 'S', Ž: 'Z' };

export function slugify(text: string, maxLength = 40): string {
  const plain = text
    .replace(/[õäöüšžÕÄÖÜŠŽ]/g, (c) => TRANSLIT[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain.slice(0, maxLength).replace(/-+$/, '');
}

/** Placeholders: {key} ("#123" -> "123"), {id}, {slug}, {type}. The result is a valid git ref name. */
export function branchName(template: string, ticket: { key: string; id: string; title: string }, type = 'fix'): string {
  const key = ticket.key.replace(/^#/, '');
  const name = (template || '{key}-{slug}')
    .replace(/\{key\}/g, key)
    .replace(/\{id\}/g, ticket.id)
    .replace(/\{slug\}/g, slugify(ticket.title))
    .replace(/\{type\}/g, type);
  return name
    .replace(/[\s~^:?*[\\\x00-\x1f\x7f]+/g, '-')
    .replace(/\.\.+/g, '.')
    .replace(/@\{/g, '-')
    .replace(/\/\/+/g, '/')
    .replace(/^[-./]+|[-./]+$|\.lock$/g, '')
    .replace(/-{2,}/g, '-') || key;
}
