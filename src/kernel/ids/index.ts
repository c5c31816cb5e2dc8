export { newId, idFloor, isId, friendlyNumber } from './ids.js';
