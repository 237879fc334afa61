import { readdirSync, readFileSync } from 'node:fs';

// Resident memory of a process and all its descendants (Linux /proc), for the memory benchmarks: the batch's and the
// server's job children count, as they do against the machine's memory. Elsewhere it answers null.

function children(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = kids.get(ppid) ?? [];
      list.push(Number(name));
      kids.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  return kids;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident MB of `pid` alone and of its whole tree, how many processes the tree has, and each process's MB. */
export function treeRss(
  pid: number,
): { self: number; tree: number; processes: number; each: [number, number][] } | null {
  try {
    readdirSync('/proc');
  } catch {
    return null;
  }
  const kids = children();
  let tree = 0;
  let processes = 0;
  const each: [number, number][] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    const mb = rssMb(p);
    tree += mb;
    processes++;
    each.push([p, Math.round(mb)]);
    stack.push(...(kids.get(p) ?? []));
  }
  return { self: rssMb(pid), tree, processes, each };
}

/** One sample of the tree: time (ms since the epoch), MB of the whole tree, and [pid, MB] of each process. */
export interface TreeSample {
  t: number;
  tree: number;
  each: [number, number][];
}

/** Samples the tree every `everyMs` until stop() and keeps the peak (and, with `timeline`, every sample). */
export function sampleTree(
  pid: number,
  everyMs = 100,
  timeline?: TreeSample[],
): { stop(): { peakTree: number; peakSelf: number; samples: number; atPeak: TreeSample | null } } {
  let peakTree = 0;
  let peakSelf = 0;
  let samples = 0;
  let atPeak: TreeSample | null = null;
  const tick = () => {
    const r = treeRss(pid);
    if (!r) return;
    samples++;
    const s = { t: Date.now(), tree: Math.round(r.tree), each: r.each };
    timeline?.push(s);
    if (r.tree > peakTree) atPeak = s;
    peakTree = Math.max(peakTree, r.tree);
    peakSelf = Math.max(peakSelf, r.self);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { peakTree, peakSelf, samples, atPeak };
    },
  };
}
