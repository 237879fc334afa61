import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityIdentity } from '../../src/catalog/entity.ts';
import { entityKeysPending } from '../../src/server/importer.ts';
import type { Repository } from '../../src/store/repository.ts';
import { backends, newDocument } from './backends.ts';

// The entity key is stored with each document (migration 5), so a department's documents are one history whatever
// spelling of its name each year's cover prints. Names as printed by 江苏省委办公厅 2017 (tables) and 2018.
const model = (name: string) => ({
  schemaVersion: 1,
  tables: [],
  entity: { name, names: [name], units: [] },
  scope: { level: '部门', consolidation: null },
});
const keyOf = (name: string) =>
  entityIdentity({ entity: { name, names: [name] }, scope: { level: '部门', consolidation: null } })?.key ?? null;

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`entity history on ${backend.name}`, () => {
    let repo: Repository;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ repo, cleanup } = await backend.open()));
    afterEach(async () => cleanup());

    it('keeps the key with each document and lists one entity’s documents by year', async () => {
      const y2018 = await repo.saveDocument(
        newDocument('b', {
          entity: '中共江苏省委办公厅',
          entityKey: keyOf('中共江苏省委办公厅'),
          fiscalYear: 2018,
          kind: '预算',
        }),
      );
      const y2017 = await repo.saveDocument(
        newDocument('a', {
          entity: '中国共产党江苏省委员会办公厅',
          entityKey: keyOf('中国共产党江苏省委员会办公厅'),
          fiscalYear: 2017,
          kind: '预算',
        }),
      );
      await repo.saveDocument(
        newDocument('c', {
          entity: '江苏省人民检察院',
          entityKey: keyOf('江苏省人民检察院'),
          fiscalYear: 2018,
          kind: '预算',
        }),
      );
      expect(y2018.document.entityKey).toBe('江苏省/省委办公厅');
      const history = await repo.documentsOfEntity('江苏省/省委办公厅');
      expect(history.map((d) => [d.fiscalYear, d.entity])).toEqual([
        [2017, '中国共产党江苏省委员会办公厅'],
        [2018, '中共江苏省委办公厅'],
      ]);
      expect(history[0].id).toBe(y2017.document.id);
    });

    it('gives documents stored without a key theirs from the stored model', async () => {
      const old = await repo.saveDocument(
        newDocument('x', {
          entity: '上海市普陀区人民政府万里街道办事处',
          modelJson: JSON.stringify(model('上海市普陀区人民政府万里街道办事处')),
        }),
      );
      const nameless = await repo.saveDocument(
        newDocument('y', { entity: '统计局', modelJson: JSON.stringify(model('统计局')) }),
      );
      expect(old.document.entityKey).toBeNull();
      expect(await entityKeysPending(repo)).toBe(1);
      expect((await repo.documentsOfEntity('上海市普陀区/万里街道办事处')).map((d) => d.id)).toEqual([old.document.id]);
      // no place in the name: no key, so never part of anyone's history
      expect((await repo.getDocument(nameless.document.id))?.summary.entityKey).toBeNull();
    });
  });
}
