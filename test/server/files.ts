import { makeZip } from '../fixtures/office/zip.ts';

// Hand-made hostile and malformed inputs for the upload tests.

/** A valid PDF of `pages` blank A4 pages (xref offsets computed, so pdf.js opens it without repair). */
export function blankPdf(pages: number): Uint8Array {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A zip archive (deflated entries) with the given entries; used to build an xlsx-looking zip bomb. */
export function zip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  // Maximum compression keeps the bomb small on the wire, which is what the upload limits are tested against.
  return makeZip(entries, { level: 9 });
}
