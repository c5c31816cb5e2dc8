export {
  rupiah,
  sum,
  percentOf,
  splitLargestRemainder,
  formatRupiah,
  type Rupiah,
} from './money.js';
