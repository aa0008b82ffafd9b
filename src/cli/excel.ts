import type ExcelJS from "exceljs";

/**
 * ExcelJS, loaded on first use: it takes about 150 ms to load, which every command paid at start-up
 * when it was imported statically, XLSX or not.
 */
let loaded: Promise<typeof ExcelJS> | undefined;
export const excel = (): Promise<typeof ExcelJS> => (loaded ??= import("exceljs").then((m) => (m as unknown as { default: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS)));
