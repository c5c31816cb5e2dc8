// Redirect targets an attacker would try (`next=` after sign-in, the language switch's `back`),
// shared by the kernel's unit test and the accounts domain's end-to-end test.

/** Spellings that browsers (or a lenient parser) read as another host or scheme. */
export const HOSTILE_TARGETS = [
  '//evil.example', '///evil.example', '////evil.example/', '/\\evil.example/', '/\\/evil.example', '\\\\evil.example', '\\/evil.example',
  '/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\r\n/evil.example', '/\t\\evil.example', '\t//evil.example', '/\u0000/evil.example',
  '/.//evil.example', '/..//evil.example', '/./\\evil.example', '/%2e%2e//evil.example', '/%2e//evil.example',
  'https://evil.example/', 'http:evil.example', 'http:/evil.example', 'HTTPS://evil.example', 'javascript:alert(1)', 'data:text/html,x',
  ' //evil.example', '//evil.example@lumbung.invalid', '//lumbung.invalid@evil.example', 'evil.example', '', '\u00a0//evil.example',
  '/\u007f/evil.example', '/\u000b/evil.example', '/\u000c/evil.example', `/${'a'.repeat(3000)}`,
];
