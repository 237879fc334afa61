import type { Disclosure } from './disclosure.ts';
import type { SourcePlace } from './place.ts';

// A compact, line-oriented text form of a model: one line per table, row and non-blank cell, with places.
// Golden snapshots use it because a reviewer can read its diff; the JSON form is the contract.

function at(p: SourcePlace): string {
  switch (p.kind) {
    case 'text':
      return `L${p.line}:${p.column}`;
    case 'pdf':
      return `p${p.page}@${p.box.map((n) => Math.round(n)).join(',')}`;
    case 'sheet':
      return `${p.sheet}!${p.cell}`;
    case 'docx':
      return `b${p.block}${p.row !== undefined ? `r${p.row}c${p.cell ?? 0}` : ''}`;
  }
}

export function describeModel(d: Disclosure): string {
  const out: string[] = [];
  out.push(
    `kind=${d.kind} year=${d.fiscalYear} entity=${d.entity.name} names=${d.entity.names.join('|')} units=${d.entity.units.join('|')}`,
  );
  out.push(
    `scope=${d.scope.level}/${d.scope.consolidation} unit=${d.unit} precision=${d.precision} format=${d.source.format}`,
  );
  for (const t of d.tables) {
    out.push('');
    out.push(
      `TABLE ${t.id} ${t.key} "${t.title}" no=${t.number ?? '-'} unit=${t.unit} status=${t.status} @${at(t.place)}`,
    );
    out.push(
      `  columns: ${t.columns.map((c) => `${c.section ? c.section + '.' : ''}${c.key}="${c.label}"`).join(' ')}`,
    );
    if (t.emptyStatement) out.push(`  empty: ${t.emptyStatement}`);
    for (const n of t.notes) out.push(`  note: ${n}`);
    for (const r of t.rows) {
      const head = [
        r.kind,
        r.section,
        r.code && `${r.code}${r.level ? `(${r.level})` : ''}`,
        r.codeText && `printed=${r.codeText}`,
        r.item,
        r.lineNo !== undefined && `#${r.lineNo}`,
        r.label && `"${r.label}"`,
      ]
        .filter(Boolean)
        .join(' ');
      const cells = r.cells
        .filter((c) => c.text.trim() !== '')
        .map((c) => `${c.column}=${c.value ?? `'${c.text}'`}@${at(c.place)}`);
      out.push(`  ${head} @${at(r.place)} | ${cells.join(' ')}`);
    }
  }
  for (const p of d.performance)
    out.push(
      '',
      `PERFORMANCE ${p.id} ${p.kind} "${p.title}" project=${p.project ?? '-'} rows=${p.rows.length} @${at(p.place)}`,
    );
  out.push('', 'LISTED');
  for (const l of d.recognition.listed)
    out.push(`  ${l.status} ${l.key} "${l.title}"${l.tableId ? ` → ${l.tableId}` : ''}`);
  out.push(`UNKNOWN ${d.recognition.unknownTables.join(' | ')}`, `MISSING ${d.recognition.missingStandard.join(' ')}`);
  out.push('', 'SECTIONS');
  for (const s of d.sections)
    out.push(`  [${s.part}] ${s.headingPath.join(' > ')} (${s.paragraphs.length} paragraphs) @${at(s.place)}`);
  out.push('', 'GLOSSARY');
  for (const g of d.glossary) out.push(`  ${g.term} @${at(g.place)}`);
  out.push('', 'WARNINGS');
  for (const w of d.warnings) out.push(`  ${w.code}: ${w.message}`);
  return out.join('\n') + '\n';
}
