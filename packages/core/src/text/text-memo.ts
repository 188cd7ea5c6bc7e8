/**
 * A value computed from a whole text, kept for the last few texts. Rules look at the same report
 * many times in a row (and a host lints one report at a time), so a small cache keyed by the text
 * itself avoids threading a per-document cache through every helper. Strings equal in content
 * share the entry, which is right: the value depends only on the text.
 */
export function memoByText<T>(build: (text: string, evicted?: T) => T, size = 2): (text: string) => T {
  let keys: string[] = [];
  let values: T[] = [];
  return (text) => {
    for (let i = 0; i < keys.length; i++) if (keys[i] === text) return values[i]!;
    const evicted = keys.length >= size ? values[size - 1] : undefined;
    const value = build(text, evicted);
    keys = [text, ...keys.slice(0, size - 1)];
    values = [value, ...values.slice(0, size - 1)];
    return value;
  };
}
