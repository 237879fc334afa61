import { parseAmount } from '../model/amount.ts';
import { toFixedString } from '../model/decimal.ts';
import type { Cell } from '../model/disclosure.ts';
import type { GridCell } from '../model/layout.ts';
import type { SourcePlace } from '../model/place.ts';

/**
 * A model cell from a printed cell. A spreadsheet's raw value wins over its display text (the display may be
 * rounded); text that is not an amount keeps its text with a null value, so nothing printed is lost.
 */
export function makeCell(column: string, c: GridCell | undefined, fallback: SourcePlace): Cell {
  if (!c) return { column, text: '', value: null, decimals: 0, place: fallback };
  const fromRaw = c.raw !== undefined ? parseAmount(c.raw) : undefined;
  const printed = parseAmount(c.text);
  const p =
    fromRaw && fromRaw.value !== null
      ? { value: fromRaw.value, decimals: printed?.decimals ?? fromRaw.decimals }
      : printed;
  if (!p || p.value === null) return { column, text: c.text, value: null, decimals: 0, place: c.place };
  return { column, text: c.text, value: toFixedString(p.value), decimals: p.decimals, place: c.place };
}
