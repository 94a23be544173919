// Markdown incident report for the counsel: what, where, when, how many, masked samples; never raw data.
import { PiiFinding } from './piiScan';
import { maskPii } from './piiDetectors';

const KIND_TEXT: Record<string, { en: string; et: string }> = {
  personalCode: { en: 'personal identification codes', et: 'isikukoodid' },
  iban: { en: 'bank account numbers (IBAN)', et: 'pangakontod (IBAN)' },
  email: { en: 'e-mail addresses', et: 'e-posti aadressid' },
  phone: { en: 'phone numbers', et: 'telefoninumbrid' },
  card: { en: 'payment card numbers', et: 'maksekaardi numbrid' },
};

function cell(s: string): string {
  // Masks again in case a sample or a file name carries personal data.
  return maskPii(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function incidentReport(findings: readonly PiiFinding[], scannedFiles: number, generatedAt: Date): string {
  const total = findings.reduce((n, f) => n + f.count, 0);
  const days = [...new Set(findings.map((f) => f.day))].sort();
  const lines: string[] = [];
  lines.push('# Andmekaitse intsident / Data-protection incident');
  lines.push('');
  lines.push(`Generated ${generatedAt.toISOString()} by e-Täitur Workbench. Scanned files: ${scannedFiles}.`);
  lines.push('');
  lines.push('## Summary / Kokkuvõte');
  lines.push('');
  lines.push(total === 0 ? 'No personal data found. / Isikuandmeid ei leitud.'
    : `Personal data found in logs: ${total} occurrences, ${days[0]} … ${days[days.length - 1]}.`);
  lines.push('');
  const byKind = new Map<string, number>();
  for (const f of findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + f.count);
  for (const [k, n] of byKind) lines.push(`- ${KIND_TEXT[k].en} / ${KIND_TEXT[k].et}: ${n}`);
  if (findings.length) {
    lines.push('');
    lines.push('## Findings per file and day / Leiud faili ja päeva kaupa');
    lines.push('');
    lines.push('| Day | File | What | Count | Confidence | Masked samples | Lines |');
    lines.push('| --- | --- | --- | ---: | --- | --- | --- |');
    for (const f of findings) {
      lines.push(`| ${f.day} | ${cell(f.file)} | ${KIND_TEXT[f.kind].en} | ${f.count} | ${f.maxScore >= 0.8 ? 'high' : f.maxScore >= 0.5 ? 'medium' : 'low'} | ${f.samples.map(cell).join(', ')} | ${f.lines.slice(0, 5).join(', ')} |`);
    }
  }
  lines.push('');
  lines.push('All values in this report are masked. / Kõik väärtused on maskitud.');
  return lines.join('\n') + '\n';
}
