/**
 * Translates the contract's MongoDB filters into SQLite WHERE clauses over a table of JSON documents
 * (`_id TEXT`, `doc TEXT`). A field is read with `json_extract(doc, '$."a"."b"')`, written as a literal so
 * that it is the very expression an index was created on and the planner uses that index.
 *
 * MongoDB semantics kept for what the stores use:
 * - a missing field equals null, and `$ne`/`$nin` match documents where the field is missing;
 * - comparisons are type-bracketed: `{ $lt: 'x' }` matches strings only, `{ $gt: 1 }` numbers only, and
 *   `true` never equals 1 (json_extract reads booleans as 1/0, so json_type tells them apart);
 * - a field holding an array matches when any element matches — for indexed paths, through the collection's
 *   keys table (see sqlite-collection.ts), which holds the elements of every array met on an indexed path.
 */
export type SqlValue = string | number | null;
export type SqlFragment = { sql: string; params: SqlValue[] };

export type FilterScope = {
  /** The quoted keys table of the collection. */
  keysTable: string;
  /** Whether a document ever held an array on this (indexed) path: then elements are matched too. */
  isMultikey(path: string): boolean;
};

export const SUPPORTED_OPERATORS = [
  '$eq',
  '$ne',
  '$in',
  '$nin',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$exists',
] as const;

const COMPARISONS = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;
const PATH_SEGMENT = /^[A-Za-z0-9_-]+$/;

/** `'$."a"."b"'` as an SQL string literal; segments are checked, so no quoting can be escaped. */
export function jsonPathLiteral(path: string): string {
  const segments = path.split('.');
  for (const segment of segments) {
    if (!PATH_SEGMENT.test(segment)) throw new Error(`unsupported field path "${path}"`);
  }
  return `'$.${segments.map((segment) => `"${segment}"`).join('.')}'`;
}

/** The SQL expression reading a field: the `_id` column, or json_extract on the document. */
export function fieldExpression(path: string): string {
  return path === '_id' ? '_id' : `json_extract(doc, ${jsonPathLiteral(path)})`;
}

const typeOf = (path: string) => `json_type(doc, ${jsonPathLiteral(path)})`;

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

const and = (parts: SqlFragment[]): SqlFragment =>
  parts.length === 0
    ? { sql: '1', params: [] }
    : {
        sql: parts.map((part) => `(${part.sql})`).join(' AND '),
        params: parts.flatMap((part) => part.params),
      };

const or = (parts: SqlFragment[]): SqlFragment =>
  parts.length === 0
    ? { sql: '0', params: [] }
    : {
        sql: parts.map((part) => `(${part.sql})`).join(' OR '),
        params: parts.flatMap((part) => part.params),
      };

/** True where the fragment is false or unknown (SQL NULL): MongoDB's negation includes missing fields. */
const not = (part: SqlFragment): SqlFragment => ({
  sql: `NOT IFNULL((${part.sql}), 0)`,
  params: part.params,
});

/** Adds "or any element of an array on this path matches" when the path is multikey. */
function withElements(
  path: string,
  scalar: SqlFragment,
  element: SqlFragment,
  scope: FilterScope,
): SqlFragment {
  if (path === '_id' || !scope.isMultikey(path)) return scalar;
  return or([
    scalar,
    {
      sql: `_id IN (SELECT id FROM ${scope.keysTable} WHERE path = ? AND ${element.sql})`,
      params: [path, ...element.params],
    },
  ]);
}

function equals(path: string, value: unknown, scope: FilterScope): SqlFragment {
  const field = fieldExpression(path);
  if (value === null || value === undefined) return { sql: `${field} IS NULL`, params: [] };
  if (typeof value === 'boolean') {
    return { sql: `${field} = ? AND ${typeOf(path)} = '${value}'`, params: [value ? 1 : 0] };
  }
  if (typeof value === 'string') {
    return withElements(
      path,
      { sql: `${field} = ?`, params: [value] },
      { sql: 'value = ?', params: [value] },
      scope,
    );
  }
  if (typeof value === 'number') {
    const scalar =
      path === '_id'
        ? { sql: '0', params: [] }
        : { sql: `${field} = ? AND ${typeOf(path)} IN ('integer', 'real')`, params: [value] };
    return withElements(
      path,
      scalar,
      { sql: "value = ? AND typeof(value) IN ('integer', 'real')", params: [value] },
      scope,
    );
  }
  throw new Error(`unsupported value for "${path}": only strings, numbers, booleans and null are compared`);
}

function isIn(path: string, values: unknown, scope: FilterScope): SqlFragment {
  if (!Array.isArray(values)) throw new Error(`$in on "${path}" needs an array`);
  if (values.length > 0 && values.every((value) => typeof value === 'string')) {
    const marks = values.map(() => '?').join(', ');
    return withElements(
      path,
      { sql: `${fieldExpression(path)} IN (${marks})`, params: values },
      { sql: `value IN (${marks})`, params: values },
      scope,
    );
  }
  return or(values.map((value) => equals(path, value, scope)));
}

function compare(
  path: string,
  operator: keyof typeof COMPARISONS,
  value: unknown,
  scope: FilterScope,
): SqlFragment {
  const sign = COMPARISONS[operator];
  const field = fieldExpression(path);
  let types: string;
  if (typeof value === 'string') types = `'text'`;
  else if (typeof value === 'number') types = `'integer', 'real'`;
  else throw new Error(`${operator} on "${path}" compares strings or numbers only`);
  const scalar =
    path === '_id'
      ? {
          sql: typeof value === 'string' ? `_id ${sign} ?` : '0',
          params: typeof value === 'string' ? [value] : [],
        }
      : { sql: `${field} ${sign} ? AND ${typeOf(path)} IN (${types})`, params: [value] };
  const elementTypes = typeof value === 'string' ? `'text'` : `'integer', 'real'`;
  return withElements(
    path,
    scalar,
    { sql: `value ${sign} ? AND typeof(value) IN (${elementTypes})`, params: [value] },
    scope,
  );
}

function operatorClause(path: string, operator: string, value: unknown, scope: FilterScope): SqlFragment {
  switch (operator) {
    case '$eq':
      return equals(path, value, scope);
    case '$ne':
      return not(equals(path, value, scope));
    case '$in':
      return isIn(path, value, scope);
    case '$nin':
      return not(isIn(path, value, scope));
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return compare(path, operator, value, scope);
    case '$exists':
      if (path === '_id') return { sql: value ? '1' : '0', params: [] };
      return { sql: `${typeOf(path)} IS ${value ? 'NOT NULL' : 'NULL'}`, params: [] };
    default:
      throw new Error(`unsupported filter operator ${operator} on "${path}"`);
  }
}

function fieldClause(path: string, condition: unknown, scope: FilterScope): SqlFragment {
  if (!isOperatorObject(condition)) return equals(path, condition, scope);
  return and(
    Object.entries(condition).map(([operator, value]) => operatorClause(path, operator, value, scope)),
  );
}

function logicalClause(operator: string, clauses: unknown, scope: FilterScope): SqlFragment {
  if (!Array.isArray(clauses) || clauses.length === 0) {
    throw new Error(`${operator} needs a non-empty array of filters`);
  }
  const parts = clauses.map((clause) => translateFilter(clause as Record<string, unknown>, scope));
  return operator === '$and' ? and(parts) : or(parts);
}

/** The WHERE clause (without the keyword) and its parameters for a filter. */
export function translateFilter(filter: Record<string, unknown>, scope: FilterScope): SqlFragment {
  const parts = Object.entries(filter).map(([key, condition]) => {
    if (key === '$and' || key === '$or') return logicalClause(key, condition, scope);
    if (key.startsWith('$')) throw new Error(`unsupported filter operator ${key}`);
    return fieldClause(key, condition, scope);
  });
  return and(parts);
}

/**
 * ORDER BY for a sort, ending with rowid so that ties come out in insertion order. SQLite orders NULL (a
 * missing field) first, then numbers, then strings: MongoDB's order for the scalar types the stores sort by.
 */
export function translateSort(sort: Record<string, 1 | -1> | undefined): string {
  const keys = Object.entries(sort ?? {}).map(
    ([path, direction]) => `${fieldExpression(path)} ${direction === -1 ? 'DESC' : 'ASC'}`,
  );
  return `ORDER BY ${[...keys, 'rowid'].join(', ')}`;
}
