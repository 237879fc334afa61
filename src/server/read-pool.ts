import { createJobPool, type JobPool, type JobPoolStats } from '../jobs/pool.ts';
import type { UploadLimits } from './limits.ts';
import type { ParseJob, ParseReply } from './read-upload.ts';

// The server's readers: the job pool (src/jobs) over src/server/read-upload.ts. A file past the time limit or the
// memory cap, or one that kills its process, is answered as a refused document; the server itself stays up.

export class ParsePool {
  private readonly pool: JobPool<ParseJob, ParseReply>;

  constructor(
    limits: Pick<UploadLimits, 'concurrency' | 'parseSeconds'> &
      Partial<Pick<UploadLimits, 'memoryMb' | 'recycleAfter' | 'idleSeconds'>>,
  ) {
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
    const { code, messageZh, messageEn, detail } = outcome.failure;
    // A reading process that died says why in words meant for the log (its last error line): the user is told what
    // happened to the file.
    if (code === 'crash' || code === 'start-failed') {
      return {
        ok: false,
        code,
        messageZh:
          code === 'crash'
            ? '读取此文件的进程意外退出，文件未保存。错误已记入日志，请将文件提供给管理员。'
            : '读取进程无法启动，文件未保存；请联系管理员。',
        messageEn:
          code === 'crash'
            ? 'The process reading this file ended unexpectedly; it was not stored. The error was logged; please pass the file to the administrator.'
            : 'The reading process could not start; the file was not stored. Please contact the administrator.',
        detail: detail ?? messageEn,
      };
    }
    return { ok: false, code, messageZh, messageEn };
  }

  stats(): JobPoolStats {
    return this.pool.stats();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
