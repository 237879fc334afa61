import { isInputError, type InputError } from '../../src/read/errors.ts';

/** The InputError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (isInputError(e)) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
