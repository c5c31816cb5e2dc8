export { newId, isId, friendlyNumber } from './ids.js';
