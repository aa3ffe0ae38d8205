import { describe, expect, it } from 'vitest';

import { oneLine, terminalText } from './terminal-text.js';

const ESC = String.fromCharCode(0x1b);

describe('terminal text', () => {
  it('shows escape sequences, carriage returns, DEL, C1 and bidi controls instead of obeying them', () => {
    expect(terminalText(`Month: "${ESC}[2J${ESC}[31mOWNED"`)).toBe('Month: "␛[2J␛[31mOWNED"');
    expect(terminalText('a\rb\u007fc\u009bd\u202ee')).toBe('a␍b␡c<U+009B>d<U+202E>e');
  });
  it('keeps the output its own line ends and tabs, but not a name it cleans whole', () => {
    expect(terminalText('one\n\ttwo')).toBe('one\n\ttwo');
    expect(oneLine('x.csv\n✓ fake.csv')).toBe('x.csv␊✓ fake.csv');
  });
  it('leaves ordinary text, accents and symbols as they are', () => {
    const text = 'Three Rivers — “St Albans” ✓ ✗ ⟨period⟩ £5 Ynys Môn';
    expect(terminalText(text)).toBe(text);
    expect(oneLine(text)).toBe(text);
  });
});
