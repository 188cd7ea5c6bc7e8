/** The shape of packages/core/data/regions.yaml (see the comments there). */
export interface RegionData {
  provinces: Array<{
    name: string;
    short?: string[];
    markers?: string[];
    districts?: string[];
    cities?: Array<string | { name: string; aliases?: string[]; districts?: string[]; areas?: string[] }>;
  }>;
  elsewhere?: string[];
}
