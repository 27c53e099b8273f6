import { describe, expect, it } from 'vitest';
import { controlCharacterErrors } from './control-characters';

describe('controlCharacterErrors', () => {
  it.each([
    ['plain text, unicode and emoji', { name: 'Chai & Co. — चाय ☕', email: 'a@b.co' }, null],
    ['a NUL byte', { name: 'Shop\u0000' }, ['name']],
    ['a tab, a newline, an escape', { name: 'a\tb', email: 'x\n', country: '\u001b[31m' }, ['name', 'email', 'country']],
    ['DEL and a C1 control', { name: '\u007f', email: '\u0085' }, ['name', 'email']],
    ['a lone surrogate', { name: 'x\ud800' }, ['name']],
    ['nested objects and arrays', { credentials: { keyId: 'rzp\u0000', paymentModes: ['upi', 'c\u0000'] } }, ['credentials.keyId', 'credentials.paymentModes.1']],
    ['a bare string', 'a\u0000', ['_form']],
    ['numbers, booleans, null', { n: 1, b: true, z: null }, null],
  ])('%s', (_name, input, fields) => {
    const errors = controlCharacterErrors(input);
    expect(errors && Object.keys(errors)).toEqual(fields);
  });
});
