// The one error type that crosses stage boundaries: input Caijian cannot read. It carries a Chinese and an
// English message for the user; the CLI prints both and exits 2, the HTTP API answers 4xx with both.

export type InputErrorCode =
  | 'empty'
  | 'unsupported-format'
  | 'unreadable'
  | 'encrypted'
  | 'too-large'
  | 'not-found'
  | 'no-content'
  /** Read, but not a budget or final-account disclosure (no disclosure tables, no disclosure headings). */
  | 'not-a-disclosure'
  /** Pages are pictures without a text layer (a scan): nothing can be read or checked. */
  | 'image-only';

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(code: InputErrorCode, messageZh: string, messageEn: string, options?: { cause?: unknown }) {
    super(messageEn, options);
    this.name = 'InputError';
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
