import type { JobFailure } from './types.ts';

// The refusals a job ends with when the fence (deadline, memory cap, process death) stops it. They name the
// limit, Chinese first; callers put them in a batch row or an upload's refusal unchanged. A process's own last
// words ("Cannot set properties of undefined", a module path) are the failure's `detail`, for the operator's log:
// raw JavaScript error text never reaches the user (issue 13).

export function timeoutFailure(ms: number): JobFailure {
  const s = Number((ms / 1000).toFixed(1));
  return {
    code: 'timeout',
    messageZh: `处理超时（超过 ${s} 秒），已停止并放弃该文件。`,
    messageEn: `Timed out (over ${s} s); stopped and the file was abandoned.`,
  };
}

export function memoryFailure(limitMb: number): JobFailure {
  return {
    code: 'memory-limit',
    messageZh: `处理此文件所需内存超过上限（${limitMb} MB），已停止并拒收该文件。`,
    messageEn: `Processing this file needed more memory than the limit (${limitMb} MB); it was stopped and refused.`,
  };
}

export function crashFailure(detail: string): JobFailure {
  return {
    code: 'crash',
    messageZh: '处理进程意外退出，此文件未能处理（详情已记录）。',
    messageEn: 'The worker process ended unexpectedly; this file was not processed (details logged).',
    detail,
  };
}

export function startFailure(detail: string): JobFailure {
  return {
    code: 'start-failed',
    messageZh: '处理进程无法启动，此文件未能处理（详情已记录）；请检查安装或联系维护者。',
    messageEn:
      'The worker could not start; this file was not processed (details logged). Check the installation or contact the maintainers.',
    detail,
  };
}

/** True for the errors JavaScript raises when an allocation is refused (the process's memory cap). */
export function isOutOfMemory(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return true;
  return e instanceof RangeError && /allocation failed|Array buffer allocation|out of memory/i.test(e.message);
}
