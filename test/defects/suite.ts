import { describe, expect, it } from 'vitest';
import { loadBaseline, loadLabelled, ratchet, scoreDocument } from '../../src/audit/testing/defect-set.ts';

// The labelled defect set as a ratchet (docs/audit-accuracy.md): on every labelled document, each defect the
// baseline says is found must still be found, and each recorded false finding the baseline says is fixed must
// not come back. defectSuite(part, parts) takes every parts-th document, should the set ever need splitting over files.

export function defectSuite(part: number, parts: number): void {
  const baseline = loadBaseline();
  const docs = loadLabelled().filter((_, i) => i % parts === part);
  describe(`labelled defect set, part ${part + 1} of ${parts}`, () => {
    for (const { name, doc } of docs) {
      it(name, async () => {
        const s = await scoreDocument(name, doc);
        expect(s.shaMismatch, `${doc.file}: the corpus file is not the one labelled`).toBe(false);
        const { lost, returned } = ratchet(s, baseline);
        expect(
          { lost, returned },
          'lost: defects no longer found; returned: false findings that came back (scripts/score-defects.ts)',
        ).toEqual({ lost: [], returned: [] });
      });
    }
  });
}
