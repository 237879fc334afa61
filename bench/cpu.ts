// CPU time (user + sys, process.cpuUsage) of parsing (readText + recognise) and auditing (checkDisclosure, every
// rule) the text seeds, and of each rule alone: less sensitive to a loaded machine than wall time, so two commits
// can be compared by interleaved runs (docs/benchmarks.md, "CPU time against an older commit").
//   node bench/cpu.ts [ROOT] [PASSES]   ROOT: a checkout whose src/ is measured (default: this one); one JSON line
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const passes = Number(process.argv[3] ?? 30);
const { readText } = await import(join(root, 'src/read/text/read-text.ts'));
const { recognise } = await import(join(root, 'src/recognise/recognise.ts'));
const { checkDisclosure } = await import(join(root, 'src/audit/engine.ts'));
const { rules } = await import(join(root, 'src/audit/rules/index.ts'));
const dir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const texts = readdirSync(dir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const models = texts.map((t) => recognise(readText(t)));
const cpu = (fn: () => void) => {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
for (let i = 0; i < 10; i++) {
  for (const t of texts) recognise(readText(t));
  for (const m of models) checkDisclosure(m);
}
const parse = cpu(() => {
  for (let i = 0; i < passes; i++) for (const t of texts) recognise(readText(t));
});
const audit = cpu(() => {
  for (let i = 0; i < passes; i++) for (const m of models) checkDisclosure(m);
});
const few = Math.max(1, passes >> 2);
const perRule: Record<string, number> = {};
for (const r of rules)
  perRule[r.meta.id] =
    cpu(() => {
      for (let i = 0; i < few; i++) for (const m of models) checkDisclosure(m, {}, [r]);
    }) / few;
console.log(
  JSON.stringify({
    root,
    passes,
    rules: rules.length,
    parseMsPerPass: parse / passes,
    auditMsPerPass: audit / passes,
    perRule,
  }),
);
