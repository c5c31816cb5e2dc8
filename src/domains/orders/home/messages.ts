import type { MessageTable } from '../../../kernel/domain/index.js';

export const homeMessages: MessageTable = {
  id: {
    'orders.panel.buyer_shop': 'Mulai belanja',
  },
  en: {
    'orders.panel.buyer_shop': 'Start shopping',
  },
};
