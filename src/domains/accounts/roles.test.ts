import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../kernel/auth/index.js';
import { canGrant, ROLE_SCOPE, ROLES } from './roles.js';

const officer: Actor = {
  userId: 'u',
  displayName: 'x',
  locale: null,
  via: 'session',
  grants: [
    { role: 'regional_officer', scopeType: 'region', scopeId: '53.09', regionCode: '53.09' },
  ],
};

test('a regional officer grants non-national roles inside its own region only', () => {
  assert.ok(canGrant(officer, 'seller', { regionCode: '53.09.02.2001', organisationId: null }));
  assert.ok(!canGrant(officer, 'seller', { regionCode: '35.78.01.1001', organisationId: null }));
  assert.ok(!canGrant(officer, 'national_admin', { regionCode: '53.09', organisationId: null }));
});

test('every role names the scope type of its grants', () => {
  assert.deepEqual(Object.keys(ROLE_SCOPE), [...ROLES]);
});
