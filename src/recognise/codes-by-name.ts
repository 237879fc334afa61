import { entries, functionClassByName, levelOf } from '../catalog/catalog.ts';
import type { Row, Table } from '../model/disclosure.ts';
import { templateByKey } from '../templates/catalogue.ts';
import { squash, stripNumbering } from '../templates/normalize.ts';

// Functional 款 and 项 printed by name only, under their 类 (深圳's and 杭州's 收支总表 and 财政拨款收支总表; 杭州's
// 支出总表 and 一般公共预算支出表, which print no code at all): a line's code is found by its name among the children
// of the line above it in the hierarchy — a 项 among the 项 of the current 款, else a 款 among the 款 of the current 类
// — from the document's own coded lines first, then the catalogue. A name means a code only under its parent
// (行政运行 is 2040601 under 司法 and 2040701 under 监狱), so nothing is found without a parent line.
//
// Never a guess: a line no name resolves leaves its parent's lines as they were. Between two 项 of one 款 it can only
// be a 项 of that 款, whose sum then cannot be judged: that 款's 项 stay uncoded (the 款 keeps its code, the 类 its
// sum of 款). Anywhere else it could be a 款 or a 项, so the whole 类 stays as printed (its 款 and 项 uncoded). Lines
// left uncoded under a coded 类 keep their level (`level` without `code`): they are part of the class, not a line the
// total misses.

type Names = Map<string, Map<string, Set<string>>>; // parent code → squashed name → codes

function nameKey(label: string): string {
  return squash(stripNumbering(label)).replace(/[、，,．.·]/g, '');
}

let catalogueNames: Names | undefined;
function fromCatalogue(): Names {
  if (catalogueNames) return catalogueNames;
  const out: Names = new Map();
  for (const e of entries('function')) {
    if (!e.parent || e.level === '类') continue;
    for (const n of [e.name, ...(e.renamed ?? []).map((r) => r.name), ...(e.aliases ?? [])])
      add(out, e.parent, n, e.code);
  }
  catalogueNames = out;
  return out;
}

function add(names: Names, parent: string, name: string, code: string): void {
  const k = nameKey(name);
  if (!k) return;
  const byName = names.get(parent) ?? new Map<string, Set<string>>();
  names.set(parent, byName);
  const codes = byName.get(k) ?? new Set<string>();
  byName.set(k, codes);
  codes.add(code);
}

/** The functional 款/项 the document prints with their codes (any table): its own spelling of each name. */
function fromDocument(tables: Table[]): Names {
  const out: Names = new Map();
  for (const t of tables)
    for (const r of t.rows)
      if (r.kind === 'code' && r.code && r.label && r.codeSystem === 'function' && r.code.length > 3)
        add(out, r.code.slice(0, r.code.length - 2), r.label, r.code);
  return out;
}

/** The one child of `parent` named `label`, by the document's lines, else the catalogue; none when two share it. */
function child(doc: Names, parent: string, label: string): string | undefined {
  const k = nameKey(label);
  for (const names of [doc, fromCatalogue()]) {
    const codes = names.get(parent)?.get(k);
    if (codes?.size === 1) return [...codes][0];
    if (codes && codes.size > 1) return undefined;
  }
  return undefined;
}

/** Lines whose parts list functional lines by name: sections with classesByName, or a coded functional table. */
function byNameSections(t: Table): ((r: Row) => boolean) | undefined {
  const tpl = templateByKey(t.key);
  if (!tpl) return undefined;
  if (tpl.layout === 'sections') {
    const keys = new Set((tpl.sections ?? []).filter((s) => s.classesByName).map((s) => s.key));
    return keys.size ? (r) => r.section !== undefined && keys.has(r.section) : undefined;
  }
  return tpl.layout === 'coded' && tpl.codeSystem === 'function' ? () => true : undefined;
}

interface Resolved {
  row: Row;
  code?: string;
  /** The 款 a line stands under: a 项's parent, or the 款 itself. */
  kuan?: string;
}

/** Gives codes by name to the functional lines printed without one; returns how many lines it coded. */
export function codesByName(tables: Table[]): number {
  const doc = fromDocument(tables);
  let coded = 0;
  for (const t of tables) {
    const inPart = byNameSections(t);
    if (!inPart) continue;
    // one walk per part: the lines of a part in print order, each 类 opening a block
    const parts = new Map<string, Row[]>();
    for (const r of t.rows) if (inPart(r)) parts.set(r.section ?? '', [...(parts.get(r.section ?? '') ?? []), r]);
    for (const rows of parts.values()) coded += walk(rows, doc);
  }
  return coded;
}

function walk(rows: Row[], doc: Names): number {
  let coded = 0;
  let block: { cls: string; lines: Resolved[]; failed: boolean } | undefined;
  const close = () => {
    if (block) coded += settle(block.lines, block.failed, block.cls);
    block = undefined;
  };
  for (const r of rows) {
    // a line the section coded as the current 类 by its name is the 款 or 项 of the same name (深圳: 其他支出 /
    // 其他支出 / 其他支出 under 229)
    const again = r.kind === 'code' && r.code?.length === 3 && r.code === block?.cls && !!r.label;
    const named = again || (r.kind === 'item' && !r.item && !r.code && !!r.label);
    if (!again && r.kind === 'code' && r.code && r.codeSystem === 'function' && r.code.length === 3) {
      close();
      block = { cls: r.code, lines: [], failed: false };
      continue;
    }
    if (!named) {
      // a coded 款/项 printed with its code, or a line the template names (本年支出合计): the block ends at a
      // total or a named line; coded lines inside a block are taken as they are
      if (r.kind === 'code' && r.code && block) {
        block.lines.push({ row: r, code: r.code, kuan: r.code.slice(0, 5) });
        continue;
      }
      close();
      continue;
    }
    const label = r.label!;
    const cls = functionClassByName(label);
    if (!block) {
      if (cls) {
        // a class the section did not code (a coded-layout table that prints names only)
        setCode(r, cls.code);
        coded++;
        block = { cls: cls.code, lines: [], failed: false };
      }
      continue;
    }
    if (cls && cls.code !== block.cls) {
      close();
      setCode(r, cls.code);
      coded++;
      block = { cls: cls.code, lines: [], failed: false };
      continue;
    }
    const last = block.lines[block.lines.length - 1];
    const kuan = last?.kuan;
    const xiang = kuan ? child(doc, kuan, label) : undefined;
    if (xiang) {
      block.lines.push({ row: r, code: xiang, kuan });
      continue;
    }
    const k = child(doc, block.cls, label);
    if (k) {
      block.lines.push({ row: r, code: k, kuan: k });
      continue;
    }
    if (!again) block.lines.push({ row: r, kuan });
  }
  close();
  return coded;
}

/** Codes the lines of one 类 block, or leaves what cannot be known uncoded (see the comment at the top). */
function settle(lines: Resolved[], failed: boolean, cls: string): number {
  const unknown = lines.map((l, i) => (l.code ? -1 : i)).filter((i) => i >= 0);
  let dropKuan = new Set<string>();
  for (const i of unknown) {
    const before = lines[i - 1];
    const after = lines.slice(i + 1).find((l) => l.code);
    // between two 项 of one 款 (or after its 项 with only unknown lines to the next 项 of it): a 项 of that 款
    const k = before?.kuan;
    const isXiang = (l: Resolved | undefined) => !!l?.code && l.code.length === 7 && l.code.startsWith(k ?? '-');
    if (k && (isXiang(before) || (!before.code && dropKuan.has(k))) && isXiang(after)) dropKuan.add(k);
    else failed = true;
  }
  if (failed) dropKuan = new Set();
  let coded = 0;
  for (const l of lines) {
    if (!l.code) {
      if (!failed) l.row.level = '项';
      continue;
    }
    if (failed || l.row.code === l.code) continue;
    if (l.code.length === 7 && dropKuan.has(l.code.slice(0, 5))) {
      l.row.level = '项';
      continue;
    }
    if (!l.code.startsWith(cls)) continue;
    setCode(l.row, l.code);
    coded++;
  }
  return coded;
}

function setCode(r: Row, code: string): void {
  r.kind = 'code';
  r.code = code;
  r.codeSystem = 'function';
  const level = levelOf(code);
  if (level) r.level = level;
}
