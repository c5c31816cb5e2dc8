// How the seeds order rows they gathered from several reads: as the database's binary
// collation orders ids and region codes (both ASCII), so every demo world comes out the same.
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
