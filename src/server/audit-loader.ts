import type { Disclosure } from '../model/disclosure.ts';
import type { AuditFinding, AuditOutcome } from '../store/types.ts';

// The audit (src/audit/engine.ts) is written by another part of the project and may be absent in a given
// checkout. It is loaded on first use; when it cannot be loaded the document is stored with audit status
// "unavailable" and is audited later (the server retries on start), instead of failing the upload.

type Engine = { checkDisclosure(d: Disclosure): { findings: AuditFinding[] } | Promise<{ findings: AuditFinding[] }> };

export interface AuditRunner {
  available: boolean;
  reason?: string;
  run(d: Disclosure): Promise<AuditOutcome>;
}

let loaded: Promise<AuditRunner> | null = null;

// A variable specifier keeps TypeScript from requiring the module to exist when the audit is not there yet.
const ENGINE = '../audit/engine.ts';

export function loadAudit(): Promise<AuditRunner> {
  loaded ??= (async (): Promise<AuditRunner> => {
    let engine: Engine;
    try {
      engine = (await import(ENGINE)) as Engine;
      if (typeof engine.checkDisclosure !== 'function') throw new Error('checkDisclosure is not exported');
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { available: false, reason, run: async () => ({ status: 'unavailable', message: '审核模块不可用 / audit module unavailable', findings: [] }) };
    }
    return {
      available: true,
      async run(d) {
        try {
          const result = await engine.checkDisclosure(d);
          return { status: 'done', findings: result.findings };
        } catch (e) {
          const detail = e instanceof Error ? e.message : String(e);
          return { status: 'failed', message: `审核出错：${detail} / audit failed: ${detail}`, findings: [] };
        }
      },
    };
  })();
  return loaded;
}
