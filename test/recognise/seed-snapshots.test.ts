import { describe, expect, it } from 'vitest';
import { describeModel } from '../../src/model/describe.ts';
import { Disclosure } from '../../src/model/disclosure.ts';
import { SEED_IDS, seedModel } from '../helpers/seeds.ts';

// Golden snapshots of each seed's model in the reviewable text form (test/recognise/__golden__/*.model.txt).
// Review the diff before updating them (`npx vitest run -u`): a change here is a change in what Caijian reads.

describe.each(SEED_IDS)('seed %s', (id) => {
  it('validates against the model schema', () => {
    const d = seedModel(id);
    expect(() => Disclosure.parse(d)).not.toThrow();
  });
  it('matches its golden model', async () => {
    await expect(describeModel(seedModel(id))).toMatchFileSnapshot(`./__golden__/${id}.model.txt`);
  });
});
