// The project's one CSV reader and writer, on csv-parse and csv-stringify.
export { csvCell, csvRows } from './write.js';
