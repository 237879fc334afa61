// `node --import ./test/helpers/record-loads.ts …`: records the URL of every module the process loads (Node's
// synchronous module hooks) and writes them, one a line, to the file named by CAIJIAN_RECORD_LOADS when the
// process exits. Used by test/cli/lazy-load.test.ts to see what a command pulls in.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const out = process.env.CAIJIAN_RECORD_LOADS;
const loaded: string[] = [];
if (out) {
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:')) loaded.push(url);
      return nextLoad(url, context);
    },
  });
  process.on('exit', () => writeFileSync(out, loaded.join('\n') + '\n'));
}
