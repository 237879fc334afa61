import { DEFAULT_DB_PATH, openStoreOrExplain, StoreOpenError } from '../store/open-store.ts';
import type { Repository } from '../store/repository.ts';
import { UsageError } from './command.ts';

/**
 * The store a command works on: --db, else CAIJIAN_DB, else the default SQLite file. A store that cannot be opened
 * is the user's to fix (exit 2 with the reason in Chinese and English), not a crash.
 */
export async function openCommandStore(db: string | undefined): Promise<{ repo: Repository; spec: string }> {
  const spec = db ?? process.env.CAIJIAN_DB ?? DEFAULT_DB_PATH;
  try {
    return { repo: await openStoreOrExplain(spec), spec };
  } catch (e) {
    if (e instanceof StoreOpenError) throw new UsageError(e.messageZh, e.messageEn);
    throw e;
  }
}
