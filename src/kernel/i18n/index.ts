export {
  t,
  registerMessages,
  hasMessage,
  catalogue,
  isLocale,
  localeFromAcceptLanguage,
  LOCALES,
  type Locale,
  type Messages,
} from './i18n.js';
export {
  zoneForRegion,
  pageZoneRegion,
  formatNumber,
  formatPercent,
  formatDateTime,
  formatDate,
  type IndonesianZone,
} from './format.js';
export { formatRupiah } from '../money/money.js';
import './kernel-messages.js';
