/**
 * Checks a KPI table's column mapping (detected from the header row, then changed in the pane) against its
 * columns: every required role mapped, every mapped column inside the table, no column with two roles.
 */
import { msg } from "../../messages/catalogue";
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole, REQUIRED_ROLES, roleName } from "../headers";
import type { Column } from "./columns";
import { type ProblemLog, quotedList } from "./problems";

/** The table's header row as the mapping's problems name it. */
export interface HeaderRow {
  /** The header texts, one per column. */
  headers: readonly string[];
  /** The header row's address without the sheet, or null when the selection has no columns. */
  address: string | null;
}

/**
 * Reports each problem of the mapping, role by role in {@link COLUMN_ROLES} order: a required role without a
 * column (naming the headers found), a column number outside the table, a column given a second role.
 * O(roles).
 */
export function checkMapping(
  mapping: ColumnMapping,
  columns: readonly Column[],
  header: HeaderRow,
  log: ProblemLog,
): void {
  const usedBy = new Map<number, ColumnRole>();
  for (const role of COLUMN_ROLES) {
    const c = mapping[role];
    if (c === null) {
      if (REQUIRED_ROLES.includes(role)) {
        const problem = msg("scorecard.tableMissingColumn", {
          role: roleName(role),
          headers: quotedList(header.headers),
        });
        log.add(header.address, "missingColumn", problem, role);
      }
    } else if (!Number.isInteger(c) || c < 0 || c >= columns.length) {
      const problem = msg("scorecard.tableColumnOutOfRange", {
        role: roleName(role),
        column: c + 1,
        count: columns.length,
      });
      log.add(header.address, "columnOutOfRange", problem, role);
    } else if (usedBy.has(c)) {
      const other = roleName(usedBy.get(c)!);
      const problem = msg("scorecard.tableColumnTwice", { header: header.headers[c]!, other, role: roleName(role) });
      log.addAt(columns[c]!, 0, "columnTwice", problem, role);
    } else usedBy.set(c, role);
  }
}
