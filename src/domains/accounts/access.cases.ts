import type { AccessCases } from '../../testing.js';

export const accessCases: AccessCases = async () => [
  { name: 'anonymous home page', path: '/', as: null, expect: 'allow' },
  { name: 'anonymous /me', path: '/me', as: null, expect: 'deny' },
  { name: 'anonymous API /me', path: '/api/v1/me', as: null, expect: 'deny' },
  { name: 'buyer /me', path: '/me', as: [['buyer', null]], expect: 'allow' },
  { name: 'buyer cannot invite', path: '/account/invite', as: [['buyer', null]], expect: 'deny' },
  { name: 'admin can invite', path: '/account/invite', as: [['national_admin', null]], expect: 'allow' },
  { name: 'anonymous tokens page', path: '/account/tokens', as: null, expect: 'deny' },
  { name: 'buyer grants national_admin: refused', method: 'POST', path: '/account/invite', as: [['buyer', null]], expect: 'deny', form: { display_name: 'X', phone: '081299990001', role: 'national_admin' } },
];
