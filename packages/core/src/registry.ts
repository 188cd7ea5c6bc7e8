/**
 * A table looked up by names that come from users (rule ids, pack names, message placeholders):
 * without a prototype, so `constructor`, `toString` or `__proto__` are simply not in it.
 */
export function registry<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** `table[key]` if the table itself has that key (never an inherited property). */
export function own<T>(table: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
