// SQL side of region scoping: `col = '53.09' OR col LIKE '53.09.%'` for each prefix. Codes are
// hierarchical strings, so a prefix match is a range scan on an index.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/** An expression that keeps rows whose `column` lies inside one of `prefixes` ('all' keeps all). */
export function regionWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  prefixes: 'all' | string[],
): Expression<SqlBool> {
  if (prefixes === 'all') return sql<SqlBool>`1 = 1`;
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = sql.ref(column);
  return eb.or(
    prefixes.map((p) =>
      eb.or([sql<SqlBool>`${ref} = ${p}`, sql<SqlBool>`${ref} like ${p + '.%'}`]),
    ),
  );
}

/** Keeps rows whose `column` is one of `ids` (none when the list is empty). */
export function idWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  ids: string[],
): Expression<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`;
}
