/** How a partner's own file maps onto a dataset's schema (read from a mapping file by config/). */
export interface DatasetMapping {
  dataset?: string;
  sheet?: string;
  headerRow?: number;
  /** Field → column, or for an enum-list built from flag columns, value → column. */
  columns: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
  values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  ignore: readonly string[];
  constants: Readonly<Record<string, string>>;
  /** The file the mapping came from, for messages. */
  source: string | null;
}

export const NO_MAPPING: DatasetMapping = {
  columns: {},
  values: {},
  ignore: [],
  constants: {},
  source: null,
};
