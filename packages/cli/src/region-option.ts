import { normalizeRegion, regionNames } from '@fzlint/core';
import { UsageError } from './exit-codes.js';

/** --region 广东 → 广东省; an unknown region is a usage error that suggests the nearest name. */
export function regionOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const known = normalizeRegion(value);
  if (known) return known;
  const near = regionNames().find((n) => value.length >= 2 && (n.startsWith(value.slice(0, 2)) || n.includes(value.slice(-2))));
  throw new UsageError(`--region：未知的地区「${value}」${near ? `，是否要写「${near}」？` : '；'}地区写省级行政区的名称，如 广东、北京、广西`);
}
