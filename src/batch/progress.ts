import type { BatchProgress, BatchStatus } from './types.ts';

// Progress of a batch on stderr: a bar redrawn in place on a terminal, one plain line per finished file
// otherwise (logs, CI, pipes), so the output stays readable wherever it goes.

export const STATUS_LABEL: Record<BatchStatus, { zh: string; en: string }> = {
  ok: { zh: '完成', en: 'ok' },
  parsed: { zh: '已读取', en: 'parsed' },
  failed: { zh: '失败', en: 'failed' },
  timeout: { zh: '超时', en: 'timeout' },
};

interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** Cuts text to fit `columns` terminal columns. */
function fitColumns(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > columns - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function rate(p: BatchProgress): string {
  const perSecond = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  return `${perSecond.toFixed(1)} 个/秒`;
}

/**
 * Returns an onProgress callback for runBatch, a `note` for a line of its own (runBatch's onDetail: an internal
 * error's text for the operator), and a `done` to call once the batch ends.
 */
export function progressPrinter(stream: ProgressStream = process.stderr): {
  onProgress: (p: BatchProgress) => void;
  note: (text: string) => void;
  done: () => void;
} {
  if (stream.isTTY) {
    let drawn = false;
    let shown = '';
    return {
      note(text) {
        // above the bar, which is drawn again under it
        stream.write(`\r\x1b[2K${text.endsWith('\n') ? text : `${text}\n`}${shown}`);
      },
      onProgress(p) {
        const width = 24;
        const filled = p.total ? Math.round((p.done / p.total) * width) : width;
        const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
        const percent = p.total ? Math.round((p.done / p.total) * 100) : 100;
        const name = p.row.file.split(/[\\/]/).pop() ?? '';
        const line = `[${bar}] ${p.done}/${p.total} ${percent}%  ${rate(p)}  ${name}`;
        shown = fitColumns(line, (stream.columns ?? 100) - 1);
        stream.write(`\r\x1b[2K${shown}`);
        drawn = true;
      },
      done() {
        if (drawn) stream.write('\n');
      },
    };
  }
  return {
    note(text) {
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    onProgress(p) {
      const label = STATUS_LABEL[p.row.status];
      const why = p.row.reason ? `  ${p.row.reason}` : '';
      stream.write(
        `[${p.done}/${p.total}] ${label.zh}/${label.en}  ${p.row.file}  ${(p.row.ms / 1000).toFixed(1)}s${why}\n`,
      );
    },
    done() {},
  };
}
