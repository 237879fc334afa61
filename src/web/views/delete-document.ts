import { api, ApiFailure } from '../api.ts';
import { askReason, toast } from '../dom.ts';

/**
 * Deletes a document after the admin confirms (the list's 删除 and the document page's 删除文档): asks for an optional
 * reason, deletes, says so. Resolves true when the document is gone.
 */
export async function confirmAndDeleteDocument(id: string, name: string): Promise<boolean> {
  const reason = await askReason({
    title: '删除文档',
    message: `确定删除“${name}”？原文件、审核结果和复核意见将一并删除，不能恢复；其他文档不受影响。删除操作会记入操作日志。`,
    ok: '删除',
    required: false,
    danger: true,
    placeholder: '删除理由（可选，记入操作日志）',
  });
  if (reason === null) return false;
  try {
    await api.deleteDocument(id, reason);
    toast(`已删除 ${name}`);
    return true;
  } catch (e) {
    toast(e instanceof ApiFailure ? e.messageZh : '删除失败', 'error');
    return false;
  }
}
