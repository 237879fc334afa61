import { createJobPool, type JobPool, type JobPoolStats } from '../jobs/pool.ts';
import type { UploadLimits } from './limits.ts';
import type { ParseJob, ParseReply } from './read-upload.ts';

// The server's readers: the job pool (src/jobs) over src/server/read-upload.ts. A file past the time limit or the
// memory cap, or one that kills its process, is answered as a refused document; the server itself stays up.

export class ParsePool {
  private readonly pool: JobPool<ParseJob, ParseReply>;

  constructor(limits: Pick<UploadLimits, 'concurrency' | 'parseSeconds'> & Partial<Pick<UploadLimits, 'memoryMb' | 'recycleAfter' | 'idleSeconds'>>) {
    const memoryMb = limits.memoryMb ?? 1536;
    this.pool = createJobPool({
      size: limits.concurrency,
      entry: new URL('./read-upload.ts', import.meta.url),
      deadlineMs: limits.parseSeconds * 1000,
      memoryMb,
      heapMb: Math.max(128, memoryMb - 256),
      recycleAfter: limits.recycleAfter,
      // A server at rest keeps no reading process (and none of the memory its last documents needed).
      idleMs: limits.idleSeconds ? limits.idleSeconds * 1000 : undefined,
    });
  }

  async parse(job: ParseJob, seconds: number): Promise<ParseReply> {
    const outcome = await this.pool.run(job, { deadlineMs: seconds * 1000 });
    if (outcome.ok) return outcome.value;
    const { code, messageZh, messageEn } = outcome.failure;
    return { ok: false, code, messageZh, messageEn };
  }

  stats(): JobPoolStats {
    return this.pool.stats();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
