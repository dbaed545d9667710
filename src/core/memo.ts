/**
 * `compute`, remembered per argument. A batch meets the same headers, labels and guidance texts in
 * every unit's workbook, and the rubric index asks the same questions of the same items: computing each
 * once is most of what keeps analysis cheap. `limit` bounds how many answers are kept (all are dropped
 * when it is reached, so memory stays bounded over any batch); `worth` says which arguments to keep at all.
 */
export function memoize<K, V>(
  compute: (key: K) => V,
  limit = Number.POSITIVE_INFINITY,
  worth: (key: K) => boolean = () => true,
): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit as V;
    const value = compute(key);
    if (worth(key)) {
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
