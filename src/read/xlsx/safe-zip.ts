import { crc32, inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.ts';

// Office files (xlsx, docx) are zip archives. A hostile or broken one can declare small entries that inflate
// to gigabytes (a "zip bomb"), or hold so many entries that listing them exhausts memory. This module reads
// the zip's central directory itself and inflates every entry under hard limits before any library sees the
// bytes, so exceljs / the docx reader only ever get archives whose real size is known to be bounded.
// node:zlib's maxOutputLength stops inflation at the limit instead of trusting the sizes the archive declares.

export interface ZipLimits {
  /** Total bytes of all entries once inflated. */
  maxTotalBytes: number;
  /** Bytes of one inflated entry. */
  maxEntryBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxEntries: 5000,
};

export type ZipEntries = Map<string, Uint8Array>;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function unreadable(what: string, whatEn: string): InputError {
  return new InputError(
    'unreadable',
    `文件已损坏或不完整，无法读取（${what}）。`,
    `The file is damaged or incomplete and cannot be read (${whatEn}).`,
  );
}

export function tooLarge(what: string, whatEn: string): InputError {
  return new InputError(
    'too-large',
    `文件展开后过大，已拒绝读取（${what}）。可能是压缩炸弹或超大表格。`,
    `The file is too large once expanded and was refused (${whatEn}). It may be a zip bomb or an oversized sheet.`,
  );
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end of the archive.
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  throw unreadable('找不到 zip 目录，文件可能被截断', 'no zip central directory; the file may be truncated');
}

/** Inflates every entry of a zip archive within the limits; entry names as stored (forward slashes). */
export function readZipEntries(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntries {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) throw unreadable('文件过短', 'file too short');
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    // ZIP64: Office never needs it for documents of the sizes Caijian reads.
    throw tooLarge('ZIP64 归档', 'ZIP64 archive');
  }
  if (count > limits.maxEntries) throw tooLarge(`${count} 个压缩条目`, `${count} zip entries`);
  if (dirOffset + dirSize > eocd) throw unreadable('zip 目录位置错误', 'zip directory out of range');

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntries = new Map();
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw unreadable('zip 目录条目损坏', 'corrupt zip directory entry');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const declaredCrc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 1)
      throw new InputError(
        'encrypted',
        '文件已加密，请先取消密码保护。',
        'The file is encrypted; remove the password protection first.',
      );
    if (declaredSize > limits.maxEntryBytes || total + declaredSize > limits.maxTotalBytes) {
      throw tooLarge(`条目 ${name} 声明 ${declaredSize} 字节`, `entry ${name} declares ${declaredSize} bytes`);
    }

    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      throw unreadable(`条目 ${name} 的数据缺失`, `data of entry ${name} is missing`);
    }
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > bytes.byteLength) throw unreadable(`条目 ${name} 被截断`, `entry ${name} is truncated`);
    const data = bytes.subarray(dataStart, dataEnd);

    let content: Uint8Array;
    if (method === 0) {
      content = data;
    } else if (method === 8) {
      // Limit by what may still be spent, not by the declared size: declared sizes can lie.
      const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (e) {
        if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw tooLarge(`条目 ${name} 展开超过 ${budget} 字节`, `entry ${name} inflates past ${budget} bytes`);
        }
        throw unreadable(`条目 ${name} 解压失败`, `entry ${name} does not inflate`);
      }
    } else {
      throw unreadable(`不支持的压缩方式 ${method}`, `unsupported compression method ${method}`);
    }
    // A flipped bit inside a deflate stream often still inflates — to a different digit. Without this check a
    // corrupted copy of a workbook becomes audit errors that blame the department for a fault of the file.
    if (crc32(content) >>> 0 !== declaredCrc) {
      throw unreadable(
        `条目 ${name} 校验和不符，文件在传输或保存中已损坏`,
        `entry ${name} fails its CRC check; the file was damaged in transfer or storage`,
      );
    }
    total += content.byteLength;
    if (total > limits.maxTotalBytes)
      throw tooLarge(`展开总量超过 ${limits.maxTotalBytes} 字节`, `expands past ${limits.maxTotalBytes} bytes`);
    entries.set(name, content);
  }
  return entries;
}
