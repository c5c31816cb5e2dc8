export { newId, idFloor, isId, friendlyNumber } from './ids.js';
export { randomHex } from './random.js';
