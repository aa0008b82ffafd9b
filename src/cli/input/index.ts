/** Spreadsheet and file input of the command line: readers, cell conversion, input templates. */
export { readProfiles, readRegularFile, checkInputFile, specialFileKind, InputFileError, INPUT_EXTENSIONS } from "./read.js";
export { writeTemplate, csvAssessmentsTemplate, templateColumns, type TemplateColumn } from "./template.js";
export { convertCell, parseNumberText, type CellSpec, type Converted } from "./cells.js";
export { buildColumnIndex, normKey, GROUP_LABELS, type ColumnTarget } from "./columns.js";
export { LABEL_ROW_MARKER, type InputRow, type ReadOptions, type CellValue } from "./types.js";
