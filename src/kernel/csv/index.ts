// The project's one CSV reader and writer, on csv-parse and csv-stringify.
export { readCsv, type CsvRead, type CsvReadOptions, type CsvRecord } from './read.js';
export { csvCell, csvRows, type CsvWriteOptions } from './write.js';
